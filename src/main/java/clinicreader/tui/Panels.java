package clinicreader.tui;

import clinicreader.content.Clinic;
import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content of the overlays (contact panel, key help) as lines, and the box they are drawn
 * in. Pure: the update step uses the same numbers to limit scrolling.
 */
public final class Panels {
  private Panels() {}

  /** Where an overlay box goes and how many of its lines show. */
  public record Box(int col, int row, int width, int height, int innerWidth, int visibleLines) {
    /** The largest first line for {@code lines} lines of content. */
    public int maxTop(int lines) {
      return Math.max(0, lines - visibleLines);
    }
  }

  /** The box for an overlay of {@code lines} lines on a {@code width} x {@code height} screen. */
  public static Box box(int width, int height, int lines) {
    int bw = Math.min(78, width - 4);
    int rows = Math.max(3, height - 2);
    int bh = Math.min(lines + 2, rows);
    int col = (width - bw) / 2;
    int row = Math.max(0, (rows - bh) / 2);
    return new Box(col, row, bw, bh, bw - 4, bh - 2);
  }

  /** The inner width of any overlay on a screen this wide. */
  public static int innerWidth(int width) {
    return box(width, 100, 1).innerWidth();
  }

  /** The lines of the overlay a state shows (empty when none). */
  public static List<Line> lines(ReaderState s, Keymap keymap) {
    int inner = innerWidth(s.width());
    return switch (s.overlay()) {
      case CONTACT -> contact(s.clinic(), inner);
      case FINDINGS -> PreviewScreen.findings(s, inner);
      case HELP -> help(keymap, s.screen(), inner, s.preview() != null && s.preview().live());
      case NONE -> List.of();
      case TAGS, LINKS, LINK -> FindPanels.lines(s, inner); // finding
      case BOOKMARKS, RECENT -> MemoryPanels.lines(s, inner);
    };
  }

  /** The contact panel: phone, email, website, address, hours, booking, about, conditions. */
  public static List<Line> contact(Clinic c, int width) {
    List<Line> out = new ArrayList<>();
    out.addAll(TextWrap.wrap(c.name(), new Style(Tone.TITLE, Style.BOLD), width));
    if (c.tagline() != null) out.addAll(TextWrap.wrap(c.tagline(), Style.of(Tone.META), width));
    out.add(Line.EMPTY);
    field(out, "Phone", c.phone(), width);
    field(out, "Email", c.email(), width);
    field(out, "Website", c.website(), width);
    field(out, "Address", c.address(), width);
    for (int i = 0; i < c.hours().size(); i++) field(out, i == 0 ? "Hours" : "", c.hours().get(i), width);
    Clinic.Booking b = c.booking();
    if (b.label() != null || b.url() != null || b.phone() != null) {
      out.add(Line.EMPTY);
      out.addAll(TextWrap.wrap(b.label() == null ? "Booking" : b.label(), new Style(Tone.CTA_TITLE, Style.BOLD), width));
      field(out, "Call", b.phone(), width);
      field(out, "Online", b.url(), width);
    }
    if (c.about() != null) {
      out.add(Line.EMPTY);
      out.add(heading("About", width));
      out.addAll(TextWrap.wrap(c.about(), Style.PLAIN, width));
    }
    if (!c.conditions().isEmpty()) {
      out.add(Line.EMPTY);
      out.add(heading("Conditions treated", width));
      for (String cond : c.conditions()) bullet(out, cond, width);
    }
    if (!c.services().isEmpty()) {
      out.add(Line.EMPTY);
      out.add(heading("Services", width));
      for (String s : c.services()) bullet(out, s, width);
    }
    out.add(Line.EMPTY);
    out.addAll(TextWrap.wrap(c.crisis(), new Style(Tone.CRISIS, Style.BOLD), width));
    return out;
  }

  /** The key help of a screen, made from the keymap. */
  public static List<Line> help(Keymap keymap, ReaderState.Screen screen, int width) {
    return help(keymap, screen, width, false);
  }

  /**
   * The key help of a screen; {@code standalone} when there is no library to go back to (a live
   * preview), where the keys that go back quit instead.
   */
  public static List<Line> help(Keymap keymap, ReaderState.Screen screen, int width, boolean standalone) {
    List<Line> out = new ArrayList<>();
    int labelWidth = 18;
    for (Map.Entry<Keymap.Context, List<Keymap.Binding>> e : keymap.help(screen).entrySet()) {
      if (!out.isEmpty()) out.add(Line.EMPTY);
      out.add(heading(e.getKey().title(), width));
      for (Keymap.Binding b : e.getValue()) {
        String label = b.label();
        String what = standalone && e.getKey() == Keymap.Context.ARTICLE && b.intent().apply(Key.of(b.keys().get(0))) instanceof Intent.Back
            ? "quit the preview" : b.help();
        String pad = " ".repeat(Math.max(1, labelWidth - Cells.width(label)));
        List<Line> text = TextWrap.wrap(what, Style.PLAIN, Math.max(8, width - labelWidth - 2));
        for (int i = 0; i < text.size(); i++) {
          List<Span> spans = new ArrayList<>();
          spans.add(new Span(i == 0 ? "  " + label + pad : " ".repeat(labelWidth + 2), new Style(Tone.LINK_MARKER, Style.BOLD)));
          spans.addAll(text.get(i).spans());
          out.add(TextWrap.fit(spans, width));
        }
      }
    }
    if (screen == ReaderState.Screen.ARTICLE) {
      out.add(Line.EMPTY);
      out.addAll(TextWrap.wrap("With --mouse: the wheel scrolls, a click on the contents jumps.", Style.of(Tone.MUTED), width));
    } else {
      out.add(Line.EMPTY);
      out.addAll(TextWrap.wrap("With --mouse: the wheel moves, a click opens an article.", Style.of(Tone.MUTED), width));
    }
    return out;
  }

  private static Line heading(String text, int width) {
    return TextWrap.fit(text, new Style(Tone.HEADING, Style.BOLD), width);
  }

  private static void field(List<Line> out, String label, String value, int width) {
    if (value == null || value.isBlank()) return;
    int lw = 10;
    List<Line> text = TextWrap.wrap(value, Style.PLAIN, Math.max(8, width - lw));
    for (int i = 0; i < text.size(); i++) {
      List<Span> spans = new ArrayList<>();
      String l = i == 0 ? label : "";
      spans.add(new Span(l + " ".repeat(Math.max(1, lw - Cells.width(l))), Style.of(Tone.META)));
      spans.addAll(text.get(i).spans());
      out.add(TextWrap.fit(spans, width));
    }
  }

  private static void bullet(List<Line> out, String text, int width) {
    List<Line> lines = TextWrap.wrap(text, Style.PLAIN, Math.max(8, width - 2));
    for (int i = 0; i < lines.size(); i++) {
      List<Span> spans = new ArrayList<>();
      spans.add(new Span(i == 0 ? "\u2022 " : "  ", Style.of(Tone.LINK_MARKER)));
      spans.addAll(lines.get(i).spans());
      out.add(TextWrap.fit(spans, width));
    }
  }
}
