package clinicreader.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cache file's bytes as they are made: big-endian numbers and length-prefixed UTF-8 strings,
 * the same bytes a {@code DataOutputStream} writes for them, put straight into one array (a
 * data stream over a buffered stream pays a synchronized call per byte of every number, and
 * the index of a large library is hundreds of thousands of them).
 */
final class CacheBytes {
  private byte[] buf;
  private int len;

  CacheBytes(int capacity) {
    buf = new byte[Math.max(capacity, 64)];
  }

  int size() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  void putInt(int v) {
    ensure(4);
    byte[] b = buf;
    int at = len;
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
    len = at + 4;
  }

  void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  void putBoolean(boolean v) {
    ensure(1);
    buf[len++] = (byte) (v ? 1 : 0);
  }

  /** The first {@code n} bytes of {@code b}, as they are. */
  void putBytes(byte[] b, int n) {
    ensure(n);
    System.arraycopy(b, 0, buf, len, n);
    len += n;
  }

  /** A string as its UTF-8 length and bytes; null as length -1. */
  void putString(String s) {
    if (s == null) {
      putInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) len + more);
      if (want > Integer.MAX_VALUE - 16) throw new IllegalStateException("cache too large");
      buf = Arrays.copyOf(buf, (int) want);
    }
  }
}
