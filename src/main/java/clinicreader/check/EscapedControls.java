package clinicreader.check;

import clinicreader.content.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control and bidi characters that a file spells as an escape rather than holds raw: YAML
 * escapes in double-quoted front matter values ({@code "\e[31m"}, {@code "\x9b"},
 * {@code "\u202E"}), JSON escapes in clinic.json ({@code "\u001b"}) and numeric character
 * references in Markdown ({@code &#27;}). The parsers turn them into the real characters, so
 * the byte scan does not see them; the output neutralises them, and check names them so staff
 * can remove them.
 */
final class EscapedControls {
  private EscapedControls() {}

  /** One escape: 1-based line and column of its backslash or ampersand, the character, the spelling. */
  record Found(int line, int column, int codePoint, String spelling) {
    /** The finding's message. */
    String message() {
      String what = Text.isBidiControl(codePoint) ? "bidirectional control character" : "control character";
      return what + String.format(" U+%04X", codePoint) + " written as " + Text.cleanLine(spelling) + "; delete it";
    }
  }

  private static final Pattern ENTITY = Pattern.compile("&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));");

  /** YAML escapes inside double quotes on {@code lines[from..to)} (0-based indexes). */
  static List<Found> yaml(String[] lines, int from, int to) {
    return quoted(lines, from, to, true);
  }

  /** JSON escapes in the strings of a whole file. */
  static List<Found> json(String[] lines) {
    return quoted(lines, 0, lines.length, false);
  }

  /** Numeric character references on {@code lines[from..to)} that name an unsafe character. */
  static List<Found> entities(String[] lines, int from, int to) {
    return entities(lines, from, to, java.util.Set.of());
  }

  /**
   * {@link #entities(String[], int, int)}, leaving out the lines of code blocks ({@code code},
   * 0-based) and the code spans of each line: there a reference is shown as written.
   */
  static List<Found> entities(String[] lines, int from, int to, java.util.Set<Integer> code) {
    List<Found> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
      if (lines[i].indexOf("&#") < 0 || code.contains(i)) continue;
      Matcher m = ENTITY.matcher(lines[i]);
      while (m.find()) {
        if (inCodeSpan(lines[i], m.start())) continue;
        long cp = m.group(1) != null ? Long.parseLong(m.group(1)) : Long.parseLong(m.group(2), 16);
        // NUL and values past Unicode become U+FFFD, which is harmless
        if (cp > 0 && cp <= Character.MAX_CODE_POINT && unsafe((int) cp)) {
          out.add(new Found(i + 1, m.start() + 1, (int) cp, m.group()));
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code at} lies inside a code span of the line: between a run of backticks and the
   * next run of the same length (a backslash makes the char after it plain text).
   */
  static boolean inCodeSpan(String s, int at) {
    int n = s.length();
    int i = 0;
    while (i < n && i <= at) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        int j = i;
        while (j < n && s.charAt(j) == '`') j++;
        int len = j - i;
        int close = -1;
        for (int k = j; k < n; ) {
          if (s.charAt(k) != '`') {
            k++;
            continue;
          }
          int e = k;
          while (e < n && s.charAt(e) == '`') e++;
          if (e - k == len) {
            close = k;
            break;
          }
          k = e;
        }
        if (close < 0) {
          i = j;
        } else {
          if (at >= j && at < close) return true;
          i = close + len;
        }
      } else {
        i++;
      }
    }
    return false;
  }

  private static boolean unsafe(int cp) {
    return cp != '\t' && cp != '\n' && Text.isUnsafe(cp);
  }

  private static List<Found> quoted(String[] lines, int from, int to, boolean yaml) {
    List<Found> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
      String s = lines[i];
      if (s.indexOf('\\') < 0) continue;
      boolean inQuotes = false;
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '"') {
          inQuotes = !inQuotes;
        } else if (c == '\\' && inQuotes && k + 1 < s.length()) {
          int[] esc = escape(s, k + 1, yaml);
          if (esc != null && unsafe(esc[0])) out.add(new Found(i + 1, k + 1, esc[0], s.substring(k, k + 1 + esc[1])));
          k += esc == null ? 1 : esc[1];
        }
      }
    }
    return out;
  }

  /** The character an escape after a backslash at {@code at} stands for, and its length; null if unknown. */
  private static int[] escape(String s, int at, boolean yaml) {
    char e = s.charAt(at);
    switch (e) {
      case 'b': return new int[] {0x08, 1};
      case 'f': return new int[] {0x0C, 1};
      case 'r': return new int[] {0x0D, 1};
      case 'u': return hex(s, at, 4);
      default: break;
    }
    if (!yaml) return null;
    return switch (e) {
      case '0' -> new int[] {0x00, 1};
      case 'a' -> new int[] {0x07, 1};
      case 'v' -> new int[] {0x0B, 1};
      case 'e' -> new int[] {0x1B, 1};
      case 'N' -> new int[] {0x85, 1};
      case 'L' -> new int[] {0x2028, 1};
      case 'P' -> new int[] {0x2029, 1};
      case 'x' -> hex(s, at, 2);
      case 'U' -> hex(s, at, 8);
      default -> null;
    };
  }

  private static int[] hex(String s, int at, int digits) {
    if (at + 1 + digits > s.length()) return null;
    String h = s.substring(at + 1, at + 1 + digits);
    for (int i = 0; i < h.length(); i++) if (Character.digit(h.charAt(i), 16) < 0) return null;
    long v = Long.parseLong(h, 16);
    return v > Character.MAX_CODE_POINT ? null : new int[] {(int) v, 1 + digits};
  }
}
