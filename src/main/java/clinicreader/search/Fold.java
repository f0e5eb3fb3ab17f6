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

  static String compute(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK) return "";
    if (!Character.isLetterOrDigit(cp)) {
      // symbols, punctuation and emoji separate words whatever their decomposition
      return new String(Character.toChars(cp));
    }
    // CJK without asking the normalizer: loading its data was a tenth of a warm search's snippets
    // (a test checks every code point of these ranges against the normalizer)
    if (cp >= 0xC0 && cp <= 0xFF) return String.valueOf(LATIN1.charAt(cp - 0xC0));
    // ideographs, and the Hangul jamo a syllable folds to (folded text is tokenized again)
    if (cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x1100 && cp <= 0x11FF) return String.valueOf((char) cp);
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      // a Hangul syllable decomposes by arithmetic into its leading, vowel and trailing jamo
      int s = cp - 0xAC00;
      int t = s % 28;
      char l = (char) (0x1100 + s / 588);
      char v = (char) (0x1161 + (s % 588) / 28);
      return t == 0 ? new String(new char[] {l, v}) : new String(new char[] {l, v, (char) (0x11A7 + t)});
    }
    if (cp >= 0x3041 && cp <= 0x30FF) {
      // a voiced kana decomposes into its base kana and a voicing mark, which folding drops
      if (VOICED_KANA.indexOf((char) cp) < 0) return String.valueOf((char) cp);
      return String.valueOf((char) baseKana(cp));
    }
    return normalized(cp);
  }

  /** The folds of U+00C0 to U+00FF (the two that are not letters, × and ÷, never reach here). */
  private static final String LATIN1 = "aaaaaa\u00e6ceeeeiiii\u00f0nooooo\u00d7\u00f8uuuuy\u00fe\u00df"
      + "aaaaaa\u00e6ceeeeiiii\u00f0nooooo\u00f7\u00f8uuuuy\u00fey";

  /** The kana that decompose (a base kana and a voicing mark). */
  private static final String VOICED_KANA = "\u304C\u304E\u3050\u3052\u3054\u3056\u3058\u305A\u305C\u305E"
      + "\u3060\u3062\u3065\u3067\u3069\u3070\u3071\u3073\u3074\u3076\u3077\u3079\u307A\u307C\u307D\u3094\u309E"
      + "\u30AC\u30AE\u30B0\u30B2\u30B4\u30B6\u30B8\u30BA\u30BC\u30BE\u30C0\u30C2\u30C5\u30C7\u30C9\u30D0"
      + "\u30D1\u30D3\u30D4\u30D6\u30D7\u30D9\u30DA\u30DC\u30DD\u30F4\u30F7\u30F8\u30F9\u30FA\u30FE";

  private static int baseKana(int cp) {
    switch (cp) {
      case 0x3071: case 0x3074: case 0x3077: case 0x307A: case 0x307D:
      case 0x30D1: case 0x30D4: case 0x30D7: case 0x30DA: case 0x30DD:
        return cp - 2;
      case 0x3094:
        return 0x3046;
      case 0x30F4:
        return 0x30A6;
      case 0x30F7: case 0x30F8: case 0x30F9: case 0x30FA:
        return cp - 8;
      default:
        return cp - 1;
    }
  }

  /** The definition: {@link #compute} of a letter or digit through the normalizer. */
  static String normalized(int cp) {
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
