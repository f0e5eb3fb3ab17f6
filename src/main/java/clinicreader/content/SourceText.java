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
    String raw;
    List<Integer> badOffsets = new ArrayList<>();
    String invalid = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE || (bytes[0] & 0xFF) == 0xFF)
        && ((bytes[1] & 0xFF) ^ (bytes[0] & 0xFF)) == 0x01 ? "invalid UTF-16" : "invalid UTF-8";
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      raw = decode(bytes, 2, StandardCharsets.UTF_16BE, badOffsets);
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      raw = decode(bytes, 2, StandardCharsets.UTF_16LE, badOffsets);
    } else {
      int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
      raw = decode(bytes, start, StandardCharsets.UTF_8, badOffsets);
    }
    List<Issue> issues = new ArrayList<>();
    // the usual file has nothing to repair: find the first char that needs work (every unsafe
    // character is in the BMP, so a char scan suffices) and copy only from there
    int n = raw.length();
    int first = 0;
    char[] chars = raw.toCharArray();
    while (first < n) {
      char c = chars[first];
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
  private static String decode(byte[] bytes, int start, java.nio.charset.Charset charset, List<Integer> badOffsets) {
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
    return out.toString();
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
