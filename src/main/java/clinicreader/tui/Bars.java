package clinicreader.tui;

import clinicreader.content.Clinic;
import clinicreader.content.Outline;
import clinicreader.layout.Cells;
import clinicreader.layout.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of the bottom bars (call-to-action, article status), as pure functions. */
public final class Bars {
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d");

  private Bars() {}

  /**
   * The call-to-action bar: "Schedule a free consultation · call 555-0142 · press c for contact",
   * shortened step by step when the terminal is narrow.
   */
  public static String cta(Clinic clinic, String ctaId, int width) {
    Clinic.Cta cta = clinic.ctaFor(ctaId);
    String title = cta.title() == null || cta.title().isBlank() ? "Contact us" : cta.title();
    // a call-to-action that names its own number (a coverage line, say) is called on that one
    Matcher own = PHONE.matcher(cta.action() == null ? "" : cta.action());
    String phone = own.find() ? own.group()
        : clinic.booking().phone() != null ? clinic.booking().phone() : clinic.phone();
    List<String> options = new ArrayList<>();
    if (phone != null) {
      options.add(title + " \u00b7 call " + phone + " \u00b7 press c for contact");
      options.add(title + " \u00b7 call " + phone + " \u00b7 c: contact");
      options.add(title + " \u00b7 " + phone);
      options.add("Call " + phone + " \u00b7 c: contact");
      options.add(phone);
    } else {
      options.add(title + " \u00b7 press c for contact");
      options.add(title + " \u00b7 c: contact");
    }
    for (String o : options) if (Cells.width(o) + 2 <= width) return o;
    return options.get(options.size() - 1);
  }

  /** "3/7 · Results" for the section at the top of the screen ("Start" above the first). */
  public static String section(Outline outline, int index) {
    if (index < 0 || index >= outline.sections().size()) return "Start";
    Outline.Section s = outline.sections().get(index);
    return s.number() + "/" + outline.topLevelCount() + " \u00b7 " + s.title();
  }

  /** How far down the page the bottom of the screen is, in percent (100 at the end). */
  public static int percent(Page page, int top, int rows) {
    if (page.size() == 0) return 100;
    return Math.min(100, (int) ((long) Math.min(page.size(), top + rows) * 100 / page.size()));
  }
}
