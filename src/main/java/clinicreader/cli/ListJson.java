package clinicreader.cli;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Outline;
import clinicreader.content.Text;
import java.util.Arrays;

/**
 * The list's JSON objects written straight as UTF-8 bytes: exactly what the JSON generator with
 * its default pretty printer and the terminal-safe escapes writes for them (a test holds the
 * two together), at a fraction of its cost. A first {@code list} of a large library writes
 * megabytes of it, and the generator was a fifth of that run.
 */
final class ListJson {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final String NL = System.lineSeparator();

  private byte[] buf;
  private int len;
  private char[] chars = new char[256];
  /** Whether some text held a lone surrogate: then these bytes are not the generator's, and must not be used. */
  boolean broken;

  ListJson(int capacity) {
    buf = new byte[Math.max(capacity, 64)];
  }

  int size() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  private static byte[] ascii(String s) {
    return s.replace("\n", NL).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  // the fixed text between the values, as the pretty printer writes it
  private static final byte[] SLUG = ascii(", {\n  \"slug\" : ");
  private static final byte[] TITLE = ascii(",\n  \"title\" : ");
  private static final byte[] DATE = ascii(",\n  \"date\" : ");
  private static final byte[] MINUTES = ascii(",\n  \"readingMinutes\" : ");
  private static final byte[] AUTHOR = ascii(",\n  \"author\" : ");
  private static final byte[] TAGS = ascii(",\n  \"tags\" : [");
  private static final byte[] SUMMARY = ascii(",\n  \"summary\" : ");
  private static final byte[] PATH = ascii(",\n  \"path\" : ");
  private static final byte[] DRAFT = ascii(",\n  \"draft\" : ");
  private static final byte[] SECTIONS = ascii(",\n  \"sections\" : [");
  private static final byte[] FIRST_SECTION = ascii(" {\n    \"number\" : ");
  private static final byte[] NEXT_SECTION = ascii(", {\n    \"number\" : ");
  private static final byte[] LEVEL = ascii(",\n    \"level\" : ");
  private static final byte[] SECTION_TITLE = ascii(",\n    \"title\" : ");
  private static final byte[] ANCHOR = ascii(",\n    \"anchor\" : ");
  private static final byte[] SECTION_END = ascii("\n  }");
  private static final byte[] END = ascii(" ]\n}");
  private static final byte[] FIRST = ascii(" ");
  private static final byte[] NEXT = ascii(", ");
  private static final byte[] CLOSE = ascii(" ]");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");

  /** ", " and the object of {@code a}, as the pretty printer writes an element after the first of the list. */
  void element(ArticleMeta a, String path) {
    raw(SLUG);
    string(a.slug());
    raw(TITLE);
    string(a.title());
    raw(DATE);
    java.time.LocalDate date = a.front().date();
    string(date == null ? null : date.toString());
    raw(MINUTES);
    number(a.readingMinutes());
    raw(AUTHOR);
    string(a.front().author());
    raw(TAGS);
    boolean first = true;
    for (String t : a.front().tags()) {
      raw(first ? FIRST : NEXT);
      string(t);
      first = false;
    }
    raw(CLOSE);
    raw(SUMMARY);
    string(a.front().summary());
    raw(PATH);
    string(path);
    raw(DRAFT);
    raw(a.front().draft() ? TRUE : FALSE);
    raw(SECTIONS);
    first = true;
    for (Outline.Section s : a.outline().sections()) {
      raw(first ? FIRST_SECTION : NEXT_SECTION);
      string(s.number());
      raw(LEVEL);
      number(s.level());
      raw(SECTION_TITLE);
      string(s.title());
      raw(ANCHOR);
      string(s.anchor());
      raw(SECTION_END);
      first = false;
    }
    raw(END);
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  private void number(int n) {
    if (n >= 0 && n < 10) {
      ensure(1);
      buf[len++] = (byte) ('0' + n);
    } else {
      raw(ascii(Integer.toString(n)));
    }
  }

  /**
   * A JSON string (or null), escaped as the generator escapes it. A lone surrogate (which the
   * generator refuses) is written as any other char and noted in {@link #broken}.
   */
  private void string(String s) {
    if (s == null) {
      raw(NULL);
      return;
    }
    int n = s.length();
    ensure(n * 6 + 2);
    // the chars in bulk, then plain array reads: charAt costs a call and a range check per char
    // of a two-byte string with the client compiler
    char[] cs = chars;
    if (cs.length < n) cs = chars = new char[Math.max(n, cs.length * 2)];
    s.getChars(0, n, cs, 0);
    byte[] b = buf;
    int at = len;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) {
          b[at++] = (byte) c;
        } else if (c == '"' || c == '\\') {
          b[at++] = '\\';
          b[at++] = (byte) c;
        } else if (c == 0x7F) {
          at = escape(b, at, c, LOWER_HEX);
        } else {
          byte named = c == '\b' ? (byte) 'b' : c == '\t' ? (byte) 't' : c == '\n' ? (byte) 'n'
              : c == '\f' ? (byte) 'f' : c == '\r' ? (byte) 'r' : 0;
          if (named != 0) {
            b[at++] = '\\';
            b[at++] = named;
          } else {
            at = escape(b, at, c, HEX);
          }
        }
      } else if (c < 0x800) {
        if (c <= 0x9F) {
          at = escape(b, at, c, LOWER_HEX);
        } else {
          b[at++] = (byte) (0xC0 | (c >> 6));
          b[at++] = (byte) (0x80 | (c & 0x3F));
        }
      } else if (Text.isUnsafe(c)) {
        at = escape(b, at, c, LOWER_HEX);
      } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
          int cp = Character.toCodePoint(c, cs[++i]);
          b[at++] = (byte) (0xF0 | (cp >> 18));
          b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[at++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          broken = true;
        }
      } else {
        b[at++] = (byte) (0xE0 | (c >> 12));
        b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[at++] = '"';
    len = at;
  }

  private static int escape(byte[] b, int at, char c, byte[] hex) {
    b[at++] = '\\';
    b[at++] = 'u';
    b[at++] = hex[(c >> 12) & 0xF];
    b[at++] = hex[(c >> 8) & 0xF];
    b[at++] = hex[(c >> 4) & 0xF];
    b[at++] = hex[c & 0xF];
    return at;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) len + more);
      if (want > Integer.MAX_VALUE - 16) throw new OutOfMemoryError("list too large");
      buf = Arrays.copyOf(buf, (int) want);
    }
  }
}
