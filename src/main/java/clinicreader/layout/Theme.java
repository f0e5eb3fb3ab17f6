package clinicreader.layout;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How tones look: an xterm-256 foreground (and optional background) colour and extra
 * attributes per {@link Tone}, plus the glyphs the layout draws with. {@code mono} has no
 * colours at all (used for {@code NO_COLOR}).
 */
public final class Theme {
  /** One tone's look; a colour of -1 means the terminal's default. */
  public record Look(int fg, int bg, int attrs) {}

  private final String name;
  private final Map<Tone, Look> looks;

  private Theme(String name, Map<Tone, Look> looks) {
    this.name = name;
    this.looks = looks;
  }

  public String name() {
    return name;
  }

  public boolean hasColor() {
    return !name.equals("mono");
  }

  /** The look of a style: its tone's colours, with the style's own attributes added. */
  public Look look(Style style) {
    Look l = looks.getOrDefault(style.tone(), new Look(-1, -1, 0));
    return new Look(l.fg(), l.bg(), l.attrs() | style.attrs());
  }

  /** The names {@link #named} knows. */
  public static final java.util.List<String> NAMES = java.util.List.of("dark", "light", "mono");

  /** A theme by name; unknown names give {@code null}. */
  public static Theme named(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "dark" -> dark();
      case "light" -> light();
      case "mono" -> mono();
      default -> null;
    };
  }

  public static Theme dark() {
    Map<Tone, Look> m = new EnumMap<>(Tone.class);
    m.put(Tone.TITLE, new Look(117, -1, Style.BOLD));
    m.put(Tone.META, new Look(246, -1, 0));
    m.put(Tone.TAG, new Look(109, -1, 0));
    m.put(Tone.HEADING, new Look(117, -1, Style.BOLD));
    m.put(Tone.SUBHEADING, new Look(110, -1, Style.BOLD));
    m.put(Tone.LINK, new Look(81, -1, Style.UNDERLINE));
    m.put(Tone.LINK_MARKER, new Look(75, -1, 0));
    m.put(Tone.CODE, new Look(180, -1, 0));
    m.put(Tone.QUOTE, new Look(151, -1, Style.ITALIC));
    m.put(Tone.MUTED, new Look(245, -1, 0));
    m.put(Tone.RULE, new Look(240, -1, 0));
    m.put(Tone.CTA, new Look(223, -1, 0));
    m.put(Tone.CTA_TITLE, new Look(215, -1, Style.BOLD));
    m.put(Tone.CRISIS, new Look(217, -1, Style.BOLD));
    m.put(Tone.WARNING, new Look(221, -1, Style.BOLD));
    m.put(Tone.ERROR, new Look(231, 124, Style.BOLD));
    m.put(Tone.MATCH, new Look(16, 220, 0));
    m.put(Tone.SELECTED, new Look(231, 24, 0));
    m.put(Tone.STATUS, new Look(252, 237, 0));
    m.put(Tone.BAR, new Look(16, 179, 0));
    m.put(Tone.DRAFT, new Look(16, 208, Style.BOLD));
    return new Theme("dark", m);
  }

  public static Theme light() {
    Map<Tone, Look> m = new EnumMap<>(Tone.class);
    m.put(Tone.TITLE, new Look(24, -1, Style.BOLD));
    m.put(Tone.META, new Look(242, -1, 0));
    m.put(Tone.TAG, new Look(30, -1, 0));
    m.put(Tone.HEADING, new Look(25, -1, Style.BOLD));
    m.put(Tone.SUBHEADING, new Look(31, -1, Style.BOLD));
    m.put(Tone.LINK, new Look(26, -1, Style.UNDERLINE));
    m.put(Tone.LINK_MARKER, new Look(27, -1, 0));
    m.put(Tone.CODE, new Look(94, -1, 0));
    m.put(Tone.QUOTE, new Look(28, -1, Style.ITALIC));
    m.put(Tone.MUTED, new Look(243, -1, 0));
    m.put(Tone.RULE, new Look(250, -1, 0));
    m.put(Tone.CTA, new Look(94, -1, 0));
    m.put(Tone.CTA_TITLE, new Look(130, -1, Style.BOLD));
    m.put(Tone.CRISIS, new Look(124, -1, Style.BOLD));
    m.put(Tone.WARNING, new Look(130, -1, Style.BOLD));
    m.put(Tone.ERROR, new Look(231, 160, Style.BOLD));
    m.put(Tone.MATCH, new Look(16, 228, 0));
    m.put(Tone.SELECTED, new Look(16, 153, 0));
    m.put(Tone.STATUS, new Look(16, 252, 0));
    m.put(Tone.BAR, new Look(16, 222, 0));
    m.put(Tone.DRAFT, new Look(231, 166, Style.BOLD));
    return new Theme("light", m);
  }

  public static Theme mono() {
    Map<Tone, Look> m = new EnumMap<>(Tone.class);
    m.put(Tone.TITLE, new Look(-1, -1, Style.BOLD));
    m.put(Tone.HEADING, new Look(-1, -1, Style.BOLD));
    m.put(Tone.SUBHEADING, new Look(-1, -1, Style.BOLD));
    m.put(Tone.LINK, new Look(-1, -1, Style.UNDERLINE));
    m.put(Tone.QUOTE, new Look(-1, -1, Style.ITALIC));
    m.put(Tone.CTA_TITLE, new Look(-1, -1, Style.BOLD));
    m.put(Tone.CRISIS, new Look(-1, -1, Style.BOLD));
    m.put(Tone.WARNING, new Look(-1, -1, Style.BOLD));
    m.put(Tone.ERROR, new Look(-1, -1, Style.REVERSE | Style.BOLD));
    m.put(Tone.MATCH, new Look(-1, -1, Style.REVERSE));
    m.put(Tone.SELECTED, new Look(-1, -1, Style.REVERSE));
    m.put(Tone.STATUS, new Look(-1, -1, Style.REVERSE));
    m.put(Tone.BAR, new Look(-1, -1, Style.REVERSE | Style.BOLD));
    m.put(Tone.DRAFT, new Look(-1, -1, Style.REVERSE | Style.BOLD));
    return new Theme("mono", m);
  }
}
