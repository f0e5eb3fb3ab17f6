package clinicreader.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Display widths in terminal cells: East Asian wide and fullwidth characters and emoji take two
 * cells, combining marks and zero-width characters none. Text is split into grapheme clusters
 * (base + combining marks, variation selectors, ZWJ sequences, flag pairs, skin tones) so that
 * the layout and the painter always agree. The TUI must measure with this class only.
 */
public final class Cells {
  private Cells() {}

  /** Width of one code point: 0, 1 or 2. */
  public static int width(int cp) {
    if (cp == 0) return 0;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
    if (cp < 0x300) return 1;
    if (isZeroWidth(cp)) return 0;
    return isWide(cp) ? 2 : 1;
  }

  /** Display width of a string, cluster by cluster. */
  public static int width(String s) {
    int n = s.length();
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        ascii = false;
        break;
      }
    }
    if (ascii) return n;
    int w = 0;
    for (int i = 0; i < n; ) {
      int end = clusterEnd(s, i);
      w += clusterWidth(s, i, end);
      i = end;
    }
    return w;
  }

  /** Splits a string into grapheme clusters. */
  public static List<String> clusters(String s) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      int end = clusterEnd(s, i);
      out.add(s.substring(i, end));
      i = end;
    }
    return out;
  }

  /** The end (exclusive) of the cluster starting at {@code i}. */
  public static int clusterEnd(String s, int i) {
    int n = s.length();
    int cp = s.codePointAt(i);
    int j = i + Character.charCount(cp);
    if (isRegionalIndicator(cp) && j < n && isRegionalIndicator(s.codePointAt(j))) {
      j += Character.charCount(s.codePointAt(j));
    }
    while (j < n) {
      int next = s.codePointAt(j);
      if (next == 0x200D && j + 1 < n) { // ZWJ joins the next code point
        j += 1;
        j += Character.charCount(s.codePointAt(j));
      } else if (isExtender(next)) {
        j += Character.charCount(next);
      } else {
        break;
      }
    }
    return j;
  }

  /** Width of the cluster {@code s[start, end)}: that of its first code point, or 2 for emoji with VS16. */
  public static int clusterWidth(String s, int start, int end) {
    int cp = s.codePointAt(start);
    int w = width(cp);
    if (w == 1 && end > start + Character.charCount(cp) && s.indexOf(0xFE0F, start) >= 0
        && s.indexOf(0xFE0F, start) < end && isEmojiBase(cp)) {
      return 2;
    }
    if (isRegionalIndicator(cp)) return 2;
    return w;
  }

  /** The width of a cluster string. */
  public static int clusterWidth(String cluster) {
    return cluster.isEmpty() ? 0 : clusterWidth(cluster, 0, cluster.length());
  }

  private static boolean isExtender(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  private static boolean isEmojiBase(int cp) {
    return (cp >= 0x2190 && cp <= 0x2BFF) || cp == 0x00A9 || cp == 0x00AE || (cp >= 0x1F000 && cp <= 0x1FAFF)
        || cp == 0x203C || cp == 0x2049;
  }

  static boolean isZeroWidth(int cp) {
    int t = Character.getType(cp);
    if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.FORMAT) return true;
    return (cp >= 0x1160 && cp <= 0x11FF) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || cp == 0x2329 || cp == 0x232A
        || (cp >= 0x231A && cp <= 0x231B) || (cp >= 0x23E9 && cp <= 0x23EC) || cp == 0x23F0 || cp == 0x23F3
        || (cp >= 0x25FD && cp <= 0x25FE) || (cp >= 0x2614 && cp <= 0x2615) || (cp >= 0x2648 && cp <= 0x2653)
        || cp == 0x267F || cp == 0x2693 || cp == 0x26A1 || (cp >= 0x26AA && cp <= 0x26AB)
        || (cp >= 0x26BD && cp <= 0x26BE) || (cp >= 0x26C4 && cp <= 0x26C5) || cp == 0x26CE || cp == 0x26D4
        || cp == 0x26EA || (cp >= 0x26F2 && cp <= 0x26F3) || cp == 0x26F5 || cp == 0x26FA || cp == 0x26FD
        || cp == 0x2705 || (cp >= 0x270A && cp <= 0x270B) || cp == 0x2728 || cp == 0x274C || cp == 0x274E
        || (cp >= 0x2753 && cp <= 0x2755) || cp == 0x2757 || (cp >= 0x2795 && cp <= 0x2797) || cp == 0x27B0
        || cp == 0x27BF || (cp >= 0x2B1B && cp <= 0x2B1C) || cp == 0x2B50 || cp == 0x2B55
        || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19)
        || (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x16FE0 && cp <= 0x1B2FF) || (cp >= 0x1F004 && cp <= 0x1F004) || cp == 0x1F0CF || cp == 0x1F18E
        || (cp >= 0x1F191 && cp <= 0x1F19A) || (cp >= 0x1F200 && cp <= 0x1F202) || (cp >= 0x1F210 && cp <= 0x1F23B)
        || (cp >= 0x1F240 && cp <= 0x1F248) || (cp >= 0x1F250 && cp <= 0x1F251) || (cp >= 0x1F260 && cp <= 0x1F265)
        || (cp >= 0x1F300 && cp <= 0x1F320) || (cp >= 0x1F32D && cp <= 0x1F335) || (cp >= 0x1F337 && cp <= 0x1F37C)
        || (cp >= 0x1F37E && cp <= 0x1F393) || (cp >= 0x1F3A0 && cp <= 0x1F3CA) || (cp >= 0x1F3CF && cp <= 0x1F3D3)
        || (cp >= 0x1F3E0 && cp <= 0x1F3F0) || cp == 0x1F3F4 || (cp >= 0x1F3F8 && cp <= 0x1F43E) || cp == 0x1F440
        || (cp >= 0x1F442 && cp <= 0x1F4FC) || (cp >= 0x1F4FF && cp <= 0x1F53D) || (cp >= 0x1F54B && cp <= 0x1F54E)
        || (cp >= 0x1F550 && cp <= 0x1F567) || cp == 0x1F57A || (cp >= 0x1F595 && cp <= 0x1F596) || cp == 0x1F5A4
        || (cp >= 0x1F5FB && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6C5) || cp == 0x1F6CC
        || (cp >= 0x1F6D0 && cp <= 0x1F6D2) || (cp >= 0x1F6D5 && cp <= 0x1F6D7) || (cp >= 0x1F6DC && cp <= 0x1F6DF)
        || (cp >= 0x1F6EB && cp <= 0x1F6EC) || (cp >= 0x1F6F4 && cp <= 0x1F6FC) || (cp >= 0x1F7E0 && cp <= 0x1F7EB)
        || cp == 0x1F7F0 || (cp >= 0x1F90C && cp <= 0x1F93A) || (cp >= 0x1F93C && cp <= 0x1F945)
        || (cp >= 0x1F947 && cp <= 0x1F9FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x2FFFD)
        || (cp >= 0x30000 && cp <= 0x3FFFD);
  }
}
