package clinicreader.search;

/**
 * Splits text into folded words: runs of letters and digits, with each Han ideograph or kana
 * a word of its own. Folding happens on the way, so raw article text and already folded text
 * give the same words; the offsets reported are those of the text given.
 */
final class Tokenizer {
  private Tokenizer() {}

  /** Receives each word: its folded characters {@code buf[0, len)} and its range in the input. */
  interface Sink {
    void word(char[] buf, int len, int start, int end);
  }

  /** The largest word kept whole; longer runs are cut (they are not words anyone types). */
  static final int MAX_WORD = 64;

  static void scan(CharSequence text, Sink sink) {
    char[] buf = new char[MAX_WORD + 2];
    int len = 0;
    int start = -1;
    // an array, not charAt through the interface: the scan runs over every article a search reads
    char[] a = text.toString().toCharArray();
    int n = a.length;
    int i = 0;
    while (i < n) {
      char ch = a[i];
      if (ch < 0x80) {
        // the common case, without a code point or table look-up
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
          if (start < 0) start = i;
          if (len < MAX_WORD) buf[len++] = ch;
        } else if (ch >= 'A' && ch <= 'Z') {
          if (start < 0) start = i;
          if (len < MAX_WORD) buf[len++] = (char) (ch + 32);
        } else if (start >= 0) {
          sink.word(buf, len, start, i);
          len = 0;
          start = -1;
        }
        i++;
        continue;
      }
      int cp = Character.codePointAt(a, i);
      int next = i + Character.charCount(cp);
      String f = Fold.foldCodePoint(cp);
      for (int j = 0; j < f.length(); ) {
        int fc = f.codePointAt(j);
        j += Character.charCount(fc);
        if (Fold.isSingleCharWord(fc)) {
          if (start >= 0) sink.word(buf, len, start, i);
          len = Character.toChars(fc, buf, 0);
          sink.word(buf, len, i, next);
          len = 0;
          start = -1;
        } else if (Fold.isWordChar(fc)) {
          if (start < 0) start = i;
          if (len + 2 <= MAX_WORD) len += Character.toChars(fc, buf, len);
        } else if (start >= 0) {
          sink.word(buf, len, start, i);
          len = 0;
          start = -1;
        }
      }
      i = next;
    }
    if (start >= 0) sink.word(buf, len, start, n);
  }

  /** Whether {@code word} is a prefix of {@code buf[0, len)}. */
  static boolean startsWith(char[] buf, int len, String word) {
    int w = word.length();
    if (w > len) return false;
    for (int k = 0; k < w; k++) if (buf[k] != word.charAt(k)) return false;
    return true;
  }
}
