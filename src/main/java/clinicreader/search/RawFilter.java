package clinicreader.search;

/**
 * A quick check on a file's raw bytes: can it possibly contain every query word? It never says
 * no to a file the exact match would accept: a word missing from the bytes (ignoring ASCII
 * case) can still appear once the text is folded only when the file holds a character that
 * folds to an ASCII letter or digit (é, Å, the Kelvin sign) or a combining mark; such files are
 * checked again on their folded bytes. An escape in the front matter sends the file to the
 * exact match.
 */
final class RawFilter {
  /** Per BMP code point: 0 not yet known, 1 harmless, 2 may fold into ASCII word text, 3 a combining mark. */
  private static final byte[] KIND = new byte[0x10000];

  private RawFilter() {}

  /** {@code words}: the folded query words as ASCII bytes, or null when one is not ASCII. */
  static boolean mayMatch(byte[] b, byte[][] words) {
    if (words == null) return true;
    if (b.length >= 2 && ((b[0] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFF)) return true;
    boolean all = true;
    for (byte[] w : words) {
      if (!containsIgnoreAsciiCase(b, w)) {
        all = false;
        break;
      }
    }
    if (all) return true;
    if (hasFrontMatterEscape(b)) return true;
    byte[] folded = foldedAscii(b);
    if (folded == null) return false;
    for (byte[] w : words) if (!containsIgnoreAsciiCase(folded, w)) return false;
    return true;
  }

  /**
   * The bytes as folded text reads them, for ASCII words: characters that fold to ASCII give
   * those bytes, combining marks vanish, every other character becomes one byte 0xFF (which
   * no ASCII word contains). Null when that changes nothing a word search could see: no
   * character folds to ASCII and no combining mark vanishes.
   */
  static byte[] foldedAscii(byte[] b) {
    int n = b.length;
    byte[] out = new byte[n];
    int k = 0;
    boolean changed = false;
    for (int i = 0; i < n; ) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        out[k++] = (byte) c;
        i++;
        continue;
      }
      int cp;
      int len;
      if (c >= 0xF0 && i + 3 < n && continues(b, i, 3)) {
        cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
        len = 4;
      } else if (c >= 0xE0 && c < 0xF0 && i + 2 < n && continues(b, i, 2)) {
        cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
        len = 3;
      } else if (c >= 0xC0 && c < 0xE0 && i + 1 < n && continues(b, i, 1)) {
        cp = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
        len = 2;
      } else {
        cp = -1;
        len = 1;
      }
      // invalid UTF-8 decodes to U+FFFD, which folds to nothing a word holds; an ASCII byte
      // after a broken lead byte is read again on its own, as the decoder does
      if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF) || c >= 0xF8) {
        out[k++] = (byte) 0xFF;
        i++;
        continue;
      }
      int kind = kind(cp);
      if (kind == 2 || kind == 3) changed = true;
      if (kind == 2) {
        String f = Fold.foldCodePoint(cp);
        for (int j = 0; j < f.length() && k < n; j++) out[k++] = f.charAt(j) < 0x80 ? (byte) f.charAt(j) : (byte) 0xFF;
      } else if (kind != 3) {
        out[k++] = (byte) 0xFF;
      }
      i += len;
    }
    return changed ? java.util.Arrays.copyOf(out, k) : null;
  }

  /** Whether the {@code count} bytes after {@code i} are UTF-8 continuation bytes (10xxxxxx). */
  private static boolean continues(byte[] b, int i, int count) {
    for (int j = 1; j <= count; j++) if ((b[i + j] & 0xC0) != 0x80) return false;
    return true;
  }

  /** A backslash inside the front matter: YAML escapes can spell letters the bytes do not show. */
  private static boolean hasFrontMatterEscape(byte[] b) {
    int end = frontMatterEnd(b);
    for (int i = 0; i < end; i++) if (b[i] == '\\') return true;
    return false;
  }

  /** Whether {@code w} (lower-case ASCII) occurs in {@code b}, ignoring ASCII case. */
  static boolean containsIgnoreAsciiCase(byte[] b, byte[] w) {
    int m = w.length;
    if (m == 0) return true;
    byte lo = w[0];
    byte up = (lo >= 'a' && lo <= 'z') ? (byte) (lo - 32) : lo;
    int last = b.length - m;
    outer:
    for (int i = 0; i <= last; i++) {
      byte c = b[i];
      if (c != lo && c != up) continue;
      for (int k = 1; k < m; k++) {
        int x = b[i + k];
        if (x >= 'A' && x <= 'Z') x += 32;
        if (x != w[k]) continue outer;
      }
      return true;
    }
    return false;
  }

  private static int kind(int cp) {
    if (cp >= 0x10000) return compute(cp);
    int k = KIND[cp];
    if (k == 0) {
      k = compute(cp);
      KIND[cp] = (byte) k;
    }
    return k;
  }

  private static int compute(int cp) {
    String f = Fold.foldCodePoint(cp);
    if (f.isEmpty()) return 3;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c < 0x80 && Character.isLetterOrDigit(c)) return 2;
    }
    return 1;
  }

  /** The offset of the line closing the front matter, or 0 when there is none. */
  private static int frontMatterEnd(byte[] b) {
    if (b.length < 4 || b[0] != '-' || b[1] != '-' || b[2] != '-') return 0;
    for (int i = 3; i + 3 < b.length; i++) {
      if (b[i] == '\n' && ((b[i + 1] == '-' && b[i + 2] == '-' && b[i + 3] == '-')
          || (b[i + 1] == '.' && b[i + 2] == '.' && b[i + 3] == '.'))) {
        return i;
      }
    }
    return b.length;
  }
}
