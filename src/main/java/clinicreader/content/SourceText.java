package clinicreader.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's bytes decoded for display: UTF-8 (with or without BOM) or UTF-16 (by its BOM);
 * invalid bytes become U+FFFD; CRLF and CR become LF; unsafe characters become visible
 * placeholders (see {@link Text}); the result is NFC-normalised. Every repair is recorded as
 * an {@link Issue} with its line and column in the original file, for {@code check}.
 */
public record SourceText(String text, List<Issue> issues) {

  /** Something repaired while decoding. */
  public record Issue(int line, int column, Kind kind, String detail) {}

  /** What was repaired. */
  public enum Kind { INVALID_UTF8, CONTROL_CHARACTER, BIDI_CONTROL }

  public static SourceText decode(byte[] bytes) {
    SourceText quick = plainUtf8(bytes);
    return quick != null ? quick : careful(bytes);
  }

  /**
   * The text of well-formed UTF-8 (a UTF-8 byte-order mark allowed) that needs no repair: no
   * control character but tab and newline, no unsafe character, already NFC. Null for anything
   * else, which {@link #careful} decodes: the answer is the same either way, this way scans the
   * bytes once and lets the String constructor decode them, instead of the decoder's buffer, its
   * copy and a scan of every char of the copy.
   */
  static SourceText plainUtf8(byte[] bytes) {
    int n = bytes.length;
    if (n >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)) return null;
    int start = n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    // Characters below U+0300 never combine with the one before them and are NFC on their own,
    // so the text is NFC when every run of characters from U+0300 on, with the character before
    // it, is: those runs are noted as [from, to) char offsets and asked of the normalizer.
    int[] runs = null;
    int runCount = 0;
    int runFrom = -1;
    int chars = 0;
    int i = start;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0x20 && b < 0x7F || b == '\n' || b == '\t') {
        i++;
        if (runFrom >= 0) {
          if (runs == null) runs = new int[64];
          else if (runCount + 2 > runs.length) runs = java.util.Arrays.copyOf(runs, runs.length * 2);
          runs[runCount++] = runFrom;
          runs[runCount++] = chars;
          runFrom = -1;
        }
        chars++;
        continue;
      }
      if (b >= 0) return null;
      // a multi-byte sequence, checked as well-formed (Unicode's table 3-7) as the decoder does
      int packed = codePoint(bytes, i, n);
      if (packed < 0) return null;
      int cp = packed & 0x1FFFFF;
      int len = packed >>> 21;
      if (Text.isUnsafe(cp)) return null;
      if (cp >= 0x300) {
        if (runFrom < 0) runFrom = Math.max(0, chars - 1);
      } else if (runFrom >= 0) {
        if (runs == null) runs = new int[64];
        else if (runCount + 2 > runs.length) runs = java.util.Arrays.copyOf(runs, runs.length * 2);
        runs[runCount++] = runFrom;
        runs[runCount++] = chars;
        runFrom = -1;
      }
      i += len;
      chars += cp >= 0x10000 ? 2 : 1;
    }
    String text = new String(bytes, start, n - start, StandardCharsets.UTF_8);
    if (runFrom >= 0 && !Normalizer.isNormalized(text.substring(runFrom), Normalizer.Form.NFC)) return null;
    for (int r = 0; r < runCount; r += 2) {
      if (!Normalizer.isNormalized(text.subSequence(runs[r], runs[r + 1]), Normalizer.Form.NFC)) return null;
    }
    return new SourceText(text, List.of());
  }

  /**
   * The well-formed UTF-8 sequence of two to four bytes at {@code b[i]} (before {@code to}): its
   * code point, with its length in bytes above bit 21; -1 when the bytes are not well-formed
   * (overlong, a surrogate, beyond U+10FFFF, cut short).
   */
  static int codePoint(byte[] b, int i, int to) {
    int lead = b[i] & 0xFF;
    int cp;
    int len;
    if (lead >= 0xC2 && lead <= 0xDF) {
      len = 2;
      cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      len = 3;
      cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      len = 4;
      cp = lead & 0x07;
    } else {
      return -1;
    }
    if (i + len > to) return -1;
    for (int k = 1; k < len; k++) {
      int c = b[i + k] & 0xFF;
      if ((c & 0xC0) != 0x80) return -1;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return -1;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return -1;
    return len << 21 | cp;
  }

  /** Decodes any bytes, repairing and recording what needs it. */
  static SourceText careful(byte[] bytes) {
    String raw;
    CharBuffer decoded;
    List<Integer> badOffsets = new ArrayList<>();
    String invalid = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)
        && ((bytes[1] & 0xFF) ^ (bytes[0] & 0xFF)) == 0x01 ? "invalid UTF-16" : "invalid UTF-8";
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      decoded = decode(bytes, 2, StandardCharsets.UTF_16BE, badOffsets);
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      decoded = decode(bytes, 2, StandardCharsets.UTF_16LE, badOffsets);
    } else {
      int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
      decoded = decode(bytes, start, StandardCharsets.UTF_8, badOffsets);
    }
    raw = decoded.toString();
    List<Issue> issues = new ArrayList<>();
    // the usual file has nothing to repair: find the first char that needs work (every unsafe
    // character is in the BMP, so a char scan suffices) and copy only from there
    int n = raw.length();
    int first = 0;
    // the decoder's own array, not a copy of the string (copying a UTF-16 string char by char is slow in C1)
    char[] chars = decoded.array();
    int base = decoded.arrayOffset() + decoded.position();
    while (first < n) {
      char c = chars[base + first];
      // printable ASCII answered inline, the rest asked of Text
      if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\t') {
        first++;
        continue;
      }
      if (c == '\r' || Text.isUnsafe(c)) break;
      first++;
    }
    LineIndex index = badOffsets.isEmpty() && first == n ? null : new LineIndex(raw);
    for (int off : badOffsets) {
      issues.add(new Issue(index.line(off), index.column(off), Kind.INVALID_UTF8, invalid));
    }
    if (first == n) {
      String text = raw;
      if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
      }
      issues.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column));
      return new SourceText(text, List.copyOf(issues));
    }
    StringBuilder out = new StringBuilder(raw.length());
    out.append(raw, 0, first);
    for (int i = first; i < n; ) {
      int cp = raw.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == '\r') {
        out.append('\n');
        if (i + 1 < n && raw.charAt(i + 1) == '\n') len = 2;
      } else if (Text.isUnsafe(cp)) {
        Kind kind = Text.isBidiControl(cp) ? Kind.BIDI_CONTROL : Kind.CONTROL_CHARACTER;
        issues.add(new Issue(index.line(i), index.column(i), kind, String.format("U+%04X", cp)));
        out.append(Text.placeholder(cp));
      } else {
        out.appendCodePoint(cp);
      }
      i += len;
    }
    String text = out.toString();
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    issues.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column));
    return new SourceText(text, List.copyOf(issues));
  }

  /** Decodes, replacing each malformed sequence (a lone UTF-16 surrogate too) with U+FFFD and noting where. */
  private static CharBuffer decode(byte[] bytes, int start, java.nio.charset.Charset charset, List<Integer> badOffsets) {
    CharsetDecoder dec = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 16);
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        dec.flush(out);
        break;
      }
      if (r.isError()) {
        if (badOffsets.size() < 1000) badOffsets.add(out.position());
        out.put('\uFFFD');
        in.position(in.position() + r.length());
      } else if (r.isOverflow()) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        out = bigger;
      }
    }
    out.flip();
    return out;
  }

  /** Maps char offsets of the undecorated text to 1-based line and column (CRLF, CR, LF). */
  static final class LineIndex {
    private final int[] starts;

    LineIndex(String s) {
      List<Integer> st = new ArrayList<>();
      st.add(0);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n') st.add(i + 1);
        else if (c == '\r') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
          st.add(i + 1);
        }
      }
      starts = st.stream().mapToInt(Integer::intValue).toArray();
    }

    int line(int off) {
      int lo = 0;
      int hi = starts.length - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= off) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    }

    int column(int off) {
      return off - starts[line(off) - 1] + 1;
    }
  }
}
