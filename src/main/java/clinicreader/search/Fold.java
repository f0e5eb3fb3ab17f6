package clinicreader.search;

import java.text.Normalizer;

/**
 * Folds text for matching: each code point is decomposed (NFD), its combining marks are dropped
 * and the rest lower-cased without locale rules, so "Café", "CAFE" and "cafe\u0301" all read
 * "cafe". Folding works code point by code point, which keeps a map from folded characters
 * back to the original text (for highlighting) and lets a file's bytes be checked without
 * decoding them first.
 */
public final class Fold {
  private static final String[] BMP = new String[0x10000];

  private Fold() {}

  /** A folded text and, for each folded character, the index of the original character it came from. */
  public record Folded(String text, int[] origins, int originalLength) {
    /** The original index where the folded range starting at {@code start} begins. */
    public int originalStart(int start) {
      return start < origins.length ? origins[start] : originalLength;
    }

    /**
     * The original index where the folded range ending at {@code end} ends: after the whole
     * original character of the last folded one (and the combining marks that followed it).
     */
    public int originalEnd(int end, String original) {
      if (end <= 0) return 0;
      int last = origins[end - 1];
      int i = end;
      while (i < origins.length && origins[i] == last) i++;
      int stop = i < origins.length ? origins[i] : originalLength;
      int j = last + Character.charCount(original.codePointAt(last));
      while (j < stop && Character.getType(original.codePointAt(j)) == Character.NON_SPACING_MARK) {
        j += Character.charCount(original.codePointAt(j));
      }
      return j;
    }
  }

  /** The folded form of one code point: empty for a combining mark, else usually one character. */
  public static String foldCodePoint(int cp) {
    if (cp < 0x80) {
      return String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    }
    if (cp < 0x10000) {
      String s = BMP[cp];
      if (s == null) {
        // benign race: every thread computes the same immutable string
        s = compute(cp);
        BMP[cp] = s;
      }
      return s;
    }
    return compute(cp);
  }

  private static String compute(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK) return "";
    if (!Character.isLetterOrDigit(cp)) {
      // symbols, punctuation and emoji separate words whatever their decomposition
      return new String(Character.toChars(cp));
    }
    String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(2);
    for (int i = 0; i < d.length(); ) {
      int c = d.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) != Character.NON_SPACING_MARK) sb.appendCodePoint(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** Folds a whole string (see the class comment). */
  public static String fold(String s) {
    return folded(s).text();
  }

  /** Folds a string, keeping the map back to the original. */
  public static Folded folded(String s) {
    int n = s.length();
    StringBuilder sb = new StringBuilder(n);
    int[] origins = new int[n + 4];
    int k = 0;
    for (int i = 0; i < n; ) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        // ASCII folds to one character: no string per character (snippets fold whole paragraphs)
        if (k == origins.length) origins = java.util.Arrays.copyOf(origins, origins.length * 2);
        origins[k++] = i;
        sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      String f = foldCodePoint(cp);
      for (int j = 0; j < f.length(); j++) {
        if (k == origins.length) origins = java.util.Arrays.copyOf(origins, origins.length * 2);
        origins[k++] = i;
        sb.append(f.charAt(j));
      }
      i += Character.charCount(cp);
    }
    return new Folded(sb.toString(), java.util.Arrays.copyOf(origins, k), n);
  }

  /** Whether a folded code point is part of a word (letters and digits). */
  static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp);
  }

  /**
   * Whether a folded code point is a word on its own: Han ideographs and kana, which are
   * written without spaces between words.
   */
  static boolean isSingleCharWord(int cp) {
    if (cp < 0x2E80) return false;
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA;
  }
}
