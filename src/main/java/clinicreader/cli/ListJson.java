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

  ListJson(int capacity) {
    buf = new byte[Math.max(capacity, 64)];
  }

  int size() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  /** ", " and the object of {@code a}, as the pretty printer writes an element after the first of the list. */
  void element(ArticleMeta a, String path) {
    raw(", {");
    field(true, "slug", a.slug());
    field(false, "title", a.title());
    field(false, "date", a.front().date() == null ? null : a.front().date().toString());
    key(false, "readingMinutes");
    raw(Integer.toString(a.readingMinutes()));
    field(false, "author", a.front().author());
    key(false, "tags");
    raw("[");
    boolean first = true;
    for (String t : a.front().tags()) {
      raw(first ? " " : ", ");
      string(t);
      first = false;
    }
    raw(first ? " ]" : " ]");
    field(false, "summary", a.front().summary());
    field(false, "path", path);
    key(false, "draft");
    raw(a.front().draft() ? "true" : "false");
    key(false, "sections");
    raw("[");
    first = true;
    for (Outline.Section s : a.outline().sections()) {
      raw(first ? " {" : ", {");
      newline(4);
      key("number");
      string(s.number());
      raw(",");
      newline(4);
      key("level");
      raw(Integer.toString(s.level()));
      raw(",");
      newline(4);
      key("title");
      string(s.title());
      raw(",");
      newline(4);
      key("anchor");
      string(s.anchor());
      newline(2);
      raw("}");
      first = false;
    }
    raw(" ]");
    newline(0);
    raw("}");
  }

  private void field(boolean first, String name, String value) {
    key(first, name);
    string(value);
  }

  private void key(boolean first, String name) {
    if (!first) raw(",");
    newline(2);
    key(name);
  }

  private void key(String name) {
    raw("\"");
    raw(name);
    raw("\" : ");
  }

  private void newline(int indent) {
    raw(NL);
    ensure(indent);
    for (int i = 0; i < indent; i++) buf[len++] = ' ';
  }

  /** ASCII text as it is. */
  private void raw(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
  }

  /** A JSON string (or null), escaped as the generator escapes it; the text holds no lone surrogate. */
  private void string(String s) {
    if (s == null) {
      raw("null");
      return;
    }
    int n = s.length();
    ensure(n * 6 + 2);
    byte[] b = buf;
    int at = len;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
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
      } else if (Text.isUnsafe(c)) {
        at = escape(b, at, c, LOWER_HEX);
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[at++] = (byte) (0xF0 | (cp >> 18));
        b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (cp & 0x3F));
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
