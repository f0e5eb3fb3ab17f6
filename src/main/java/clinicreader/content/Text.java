package clinicreader.content;

/**
 * Neutralises characters that must never reach a terminal raw: C0 controls (except tab and
 * newline), DEL, C1 controls, and bidirectional override/isolate characters. C0 controls and
 * DEL become their visible Unicode "control pictures" (ESC shows as ␛) so staff can find them;
 * C1 and bidi controls become U+FFFD.
 */
public final class Text {
  private Text() {}

  /** Whether {@code cp} is unsafe to print; tab and newline are allowed. */
  public static boolean isUnsafe(int cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)
        || isBidiControl(cp) || cp == 0x2028 || cp == 0x2029;
  }

  /** Bidi embedding, override and isolate characters (U+202A..U+202E, U+2066..U+2069). */
  public static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** The visible stand-in for an unsafe character. */
  public static String placeholder(int cp) {
    if (cp < 0x20) return String.valueOf((char) (0x2400 + cp));
    if (cp == 0x7F) return "\u2421";
    if (cp == 0x2028 || cp == 0x2029) return " ";
    return "\uFFFD";
  }

  /** Returns {@code s} with every unsafe character replaced; tabs and newlines kept. */
  public static String clean(String s) {
    if (s == null) return null;
    int n = s.length();
    int i = 0;
    // char by char: every unsafe character is in the BMP, and most text needs no change at all
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7F && isUnsafe(c)) break;
      i++;
    }
    if (i == n) return s;
    StringBuilder sb = new StringBuilder(n + 8).append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isUnsafe(cp)) sb.append(placeholder(cp));
      else sb.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** Like {@link #clean} but for one-line fields: newlines and tabs become spaces too. */
  public static String cleanLine(String s) {
    if (s == null) return null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && isUnsafe(c))) break;
      i++;
    }
    if (i == n) return s;
    return clean(s).replace('\n', ' ').replace('\t', ' ');
  }
}
