package clinicreader.layout;

import java.util.List;

/** Writes laid-out lines as plain text, ANSI-coloured text, or style markup (for golden files). */
public final class LineWriter {
  /** Output formats. */
  public enum Format { PLAIN, ANSI, MARKUP }

  private static final String ESC = "\u001b[";

  private LineWriter() {}

  public static String write(List<Line> lines, Format format, Theme theme) {
    StringBuilder sb = new StringBuilder(lines.size() * 64);
    for (Line l : lines) {
      line(sb, l, format, theme);
      sb.append('\n');
    }
    return sb.toString();
  }

  public static void line(StringBuilder sb, Line l, Format format, Theme theme) {
    int start = sb.length();
    for (Span s : l.spans()) {
      // no-break spaces only steer the wrapping; copied or piped text should hold plain spaces
      String text = s.text().replace('\u00a0', ' ');
      switch (format) {
        case PLAIN -> sb.append(text);
        case MARKUP -> {
          if (s.style().equals(Style.PLAIN) || text.isBlank()) sb.append(text);
          else sb.append('{').append(s.style().code()).append('}').append(text).append("{/}");
        }
        case ANSI -> {
          String sgr = sgr(theme.look(s.style()));
          if (sgr.isEmpty() || text.isBlank()) sb.append(text);
          else sb.append(ESC).append(sgr).append('m').append(text).append(ESC).append("0m");
        }
      }
    }
    if (format == Format.PLAIN) {
      int end = sb.length();
      while (end > start && sb.charAt(end - 1) == ' ') end--;
      sb.setLength(end);
    }
  }

  static String sgr(Theme.Look look) {
    StringBuilder sb = new StringBuilder();
    int a = look.attrs();
    if ((a & Style.BOLD) != 0) add(sb, "1");
    if ((a & Style.DIM) != 0) add(sb, "2");
    if ((a & Style.ITALIC) != 0) add(sb, "3");
    if ((a & Style.UNDERLINE) != 0) add(sb, "4");
    if ((a & Style.REVERSE) != 0) add(sb, "7");
    if ((a & Style.STRIKE) != 0) add(sb, "9");
    if (look.fg() >= 0) add(sb, "38;5;" + look.fg());
    if (look.bg() >= 0) add(sb, "48;5;" + look.bg());
    return sb.toString();
  }

  private static void add(StringBuilder sb, String code) {
    if (sb.length() > 0) sb.append(';');
    sb.append(code);
  }
}
