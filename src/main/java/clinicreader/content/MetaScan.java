package clinicreader.content;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An article's library entry read straight from its UTF-8 bytes: one pass over the bytes checks
 * them, counts the body's words and finds its lines, then the outline is scanned on the bytes;
 * only the front matter becomes a String. This is the cold library read (thousands of files):
 * decoding each body to UTF-16 and scanning it line by line as Strings allocated some 25 bytes
 * per byte read. The answer is exactly what {@link Library#readMeta} finds the usual way (a
 * property test holds the two together): every file the quick way is not sure of (another
 * encoding, a control or unsafe character, whitespace outside ASCII, text that may not be NFC,
 * no front matter) gets {@code null}, and is read the usual way.
 */
final class MetaScan {
  private MetaScan() {}

  // the kind of each ASCII byte, as bits: a space to the word count, a letter or digit, and a
  // byte the pass must stop at (a newline, a '|', a control character)
  private static final int SPACE = 1;
  private static final int ALNUM = 2;
  private static final int STOP = 4;
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = (byte) (c == ' ' || c == '\t' ? SPACE : c == '\n' ? SPACE | STOP : c < 0x20 || c == 0x7F || c == '|' ? STOP
          : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? ALNUM : 0);
    }
  }

  /**
   * For a word state (1: in a run of non-spaces holding a letter or digit) and the kinds of
   * four bytes, neither of them a stop: the words ended by them (times two) plus the state after.
   */
  private static final byte[] FOUR = new byte[512];

  static {
    for (int idx = 0; idx < 512; idx++) {
      int word = idx >> 8;
      int words = 0;
      boolean valid = true;
      for (int k = 3; k >= 0; k--) {
        int kind = (idx >> (2 * k)) & 3;
        if (kind == 3) valid = false;
        words += word & kind;
        word = (word | (kind >> 1)) & ~kind & 1;
      }
      FOUR[idx] = (byte) (valid ? words << 1 | word : 0);
    }
  }

  /** Eight bytes of an array as one long, the first in the lowest bits. */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long SPACES = ONES * 0x20;
  private static final long PIPES = ONES * '|';

  /** Line ends of the body being read, one buffer per thread (grown as needed, kept when small). */
  private static final ThreadLocal<int[]> ENDS = ThreadLocal.withInitial(() -> new int[1024]);

  /** The entry of {@code file}, or null when it must be read the usual way. */
  static ArticleMeta read(Path file, String slug, byte[] b) throws ContentException {
    return read(file, slug, b, b.length);
  }

  /** {@link #read(Path, String, byte[])} of the file's bytes {@code b[0, n)}. */
  static ArticleMeta read(Path file, String slug, byte[] b, int n) throws ContentException {
    if (n >= 2 && ((b[0] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFF)) return null;
    int start = n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    // the front matter's closing line, as FrontMatterParser.split finds it
    int pos;
    if (Outline.startsWith(b, start, n, "---\n")) pos = start + 4;
    else if (Outline.startsWith(b, start, n, "--- \n")) pos = start + 5;
    else return null;
    int bodyFrom = -1;
    while (pos < n) {
      int end = pos;
      while (end < n && b[end] != '\n') end++;
      int t = end;
      while (t > pos && (b[t - 1] == ' ' || b[t - 1] == '\t')) t--;
      if (t - pos == 3 && (Outline.startsWith(b, pos, n, "---") || Outline.startsWith(b, pos, n, "..."))) {
        bodyFrom = end < n ? end + 1 : n;
        break;
      }
      pos = end + 1;
    }
    if (bodyFrom < 0) return null;
    // the front matter is checked like the body; its words and lines are not wanted
    Pass head = new Pass();
    if (head.run(b, start, bodyFrom) < 0) return null;
    Pass body = new Pass();
    int words = body.run(b, bodyFrom, n);
    if (words < 0) return null;
    if ((head.needsExact || body.needsExact)
        && SourceText.plainUtf8(n == b.length ? b : java.util.Arrays.copyOf(b, n)) == null) {
      return null;
    }
    FrontMatterParser.Split split = FrontMatterParser.split(file,
        new String(b, start, bodyFrom - start, StandardCharsets.UTF_8));
    FrontMatter fm = FrontMatterParser.parse(file, split);
    return new ArticleMeta(slug, file, fm, words, Outline.scan(b, bodyFrom, body.ends, body.lines, split.bodyLine()));
  }

  /** One pass over some bytes, and what it found besides the word count. */
  private static final class Pass {
    /** The line ends ({@link Outline#scan(byte[], int, int[], int, int)}'s form). */
    int[] ends;
    int lines;
    /** Whether some char may leave the text not NFC. */
    boolean needsExact;

  /**
   * Checks {@code b[from, to)} and counts its words as {@link ArticleMeta#countWords} counts
   * them in the decoded text; records its line ends. -1 when the bytes are not for this way.
   */
  int run(byte[] b, int from, int to) {
    int[] ends = ENDS.get();
    int lines = 0;
    boolean pipe = false;
    boolean needsExact = false;
    int words = 0;
    // 1 while in a run of non-spaces that holds a letter or digit: counted as a word at the
    // space after it; kept without branches, as word ends are too irregular to predict
    int word = 0;
    byte[] ascii = ASCII;
    byte[] four = FOUR;
    int i = from;
    while (i < to) {
      // eight bytes read as one: when all are plain ASCII and none a stop, their words are
      // counted four at a time from a table (an array read per byte, with its range check,
      // was most of this pass with the client compiler)
      if (i + 8 <= to) {
        long x = (long) LONGS.get(b, i);
        // a high bit set where x has a byte outside ASCII, or some byte is a stop (a control
        // character, a newline, '|' or DEL). For ASCII bytes each test is exact for "some
        // byte": x - 0x20 borrows into a byte's high bit only below 0x20, bars - 1 only where
        // bars is zero (a '|'), and x + 1 carries into it only at 0x7F. Written out here: the
        // client compiler inlines no method over 35 bytes of code.
        long bars = x ^ PIPES;
        if (((x | ((x - SPACES) & ~x) | ((bars - ONES) & ~bars) | (x + ONES)) & HIGH) == 0) {
          int r = four[word << 8 | ascii[(int) x & 0x7F] << 6 | ascii[(int) (x >>> 8) & 0x7F] << 4
              | ascii[(int) (x >>> 16) & 0x7F] << 2 | ascii[(int) (x >>> 24) & 0x7F]];
          words += r >> 1;
          r = four[(r & 1) << 8 | ascii[(int) (x >>> 32) & 0x7F] << 6 | ascii[(int) (x >>> 40) & 0x7F] << 4
              | ascii[(int) (x >>> 48) & 0x7F] << 2 | ascii[(int) (x >>> 56) & 0x7F]];
          words += r >> 1;
          word = r & 1;
          i += 8;
          continue;
        }
      }
      // four plain ASCII bytes at a time, their words counted from a table
      if (i + 4 <= to) {
        int c0 = b[i];
        int c1 = b[i + 1];
        int c2 = b[i + 2];
        int c3 = b[i + 3];
        if ((c0 | c1 | c2 | c3) >= 0) {
          int k0 = ascii[c0];
          int k1 = ascii[c1];
          int k2 = ascii[c2];
          int k3 = ascii[c3];
          if (((k0 | k1 | k2 | k3) & STOP) == 0) {
            int r = four[word << 8 | k0 << 6 | k1 << 4 | k2 << 2 | k3];
            words += r >> 1;
            word = r & 1;
            i += 4;
            continue;
          }
        }
      }
      int c = b[i];
      int kind;
      if (c >= 0) {
        kind = ascii[c];
        i++;
        if ((kind & STOP) != 0) {
          if (c == '\n') {
            if (lines == ends.length) {
              ends = java.util.Arrays.copyOf(ends, lines * 2);
              if (ends.length <= 1 << 16) ENDS.set(ends);
            }
            ends[lines++] = pipe ? (i - 1) | Integer.MIN_VALUE : i - 1;
            pipe = false;
          } else if (c == '|') {
            pipe = true;
          } else {
            return -1;
          }
        }
      } else {
        // as SourceText.plainUtf8 checks it
        int packed = SourceText.codePoint(b, i, to);
        if (packed < 0) return -1;
        int cp = packed & 0x1FFFFF;
        int len = packed >>> 21;
        if (Text.isUnsafe(cp)) return -1;
        // whitespace outside ASCII changes where lines' text starts and ends
        if (cp >= 0x1680 && cp <= 0x3000 && Character.isWhitespace(cp)) return -1;
        if (cp >= 0x300 && !nfcInert(cp)) needsExact = true;
        i += len;
        // a char above U+FFFF is two surrogates to the counter, neither a space nor a letter
        int k = cp >= 0x10000 ? 3 : ArticleMeta.kind((char) cp);
        kind = k == 1 ? SPACE : k == 2 ? ALNUM : 0;
      }
      words += word & kind;
      word = (word | (kind >> 1)) & ~kind & 1;
    }
    words += word;
    // a last line without its newline
    if (to > from && b[to - 1] != '\n') {
      if (lines == ends.length) {
        ends = java.util.Arrays.copyOf(ends, lines * 2);
        if (ends.length <= 1 << 16) ENDS.set(ends);
      }
      ends[lines++] = pipe ? to | Integer.MIN_VALUE : to;
    }
    this.ends = ends;
    this.lines = lines;
    this.needsExact = needsExact;
    return words;
  }
  }

  /**
   * Chars that leave any text they are in normalised (NFC quick check "yes", combining class
   * 0): CJK ideographs, kana, Hangul syllables, CJK and general punctuation, symbols,
   * emoji and the joiners and variation selectors they use. Text with
   * any other char from U+0300 up is checked exactly, as {@link SourceText} does.
   */
  static boolean nfcInert(int cp) {
    if (cp >= 0x10000) return cp >= 0x1F000 && cp <= 0x1FAFF;
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x3001 && cp <= 0x3029) || (cp >= 0x2010 && cp <= 0x2027)
        || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x200C || cp == 0x200D
        || (cp >= 0xFE00 && cp <= 0xFE0F);
  }
}
