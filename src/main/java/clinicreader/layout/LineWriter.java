package clinicreader.layout;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Writes laid-out lines as plain text, ANSI-coloured text, or style markup (for golden files). */
public final class LineWriter {
  /** Output formats. */
  public enum Format { PLAIN, ANSI, MARKUP }

  private static final String ESC = "\u001b[";

  private LineWriter() {}

  public static String write(List<Line> lines, Format format, Theme theme) {
    StringBuilder sb = new StringBuilder(lines.size() * 64);
    for (Line l : lines) {
      line(sb, l, format, theme);
      sb.append('\n');
    }
    return sb.toString();
  }

  public static void line(StringBuilder sb, Line l, Format format, Theme theme) {
    line(sb, l, format, theme, null);
  }

  /** Like {@link #line(StringBuilder, Line, Format, Theme)}, remembering each style's escape in {@code sgrs}. */
  private static void line(StringBuilder sb, Line l, Format format, Theme theme, Map<Style, String> sgrs) {
    int start = sb.length();
    List<Span> spans = l.spans();
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      // no-break spaces only steer the wrapping; copied or piped text should hold plain spaces
      String text = s.text().replace('\u00a0', ' ');
      switch (format) {
        case PLAIN -> sb.append(text);
        case MARKUP -> {
          if (s.style().equals(Style.PLAIN) || text.isBlank()) sb.append(text);
          else sb.append('{').append(s.style().code()).append('}').append(text).append("{/}");
        }
        case ANSI -> {
          String sgr = sgrs == null ? sgr(theme.look(s.style()))
              : sgrs.computeIfAbsent(s.style(), st -> sgr(theme.look(st)));
          if (sgr.isEmpty() || text.isBlank()) sb.append(text);
          else sb.append(ESC).append(sgr).append('m').append(text).append(ESC).append("0m");
        }
      }
    }
    if (format == Format.PLAIN) {
      int end = sb.length();
      while (end > start && sb.charAt(end - 1) == ' ') end--;
      sb.setLength(end);
    }
  }

  static String sgr(Theme.Look look) {
    StringBuilder sb = new StringBuilder();
    int a = look.attrs();
    if ((a & Style.BOLD) != 0) add(sb, "1");
    if ((a & Style.DIM) != 0) add(sb, "2");
    if ((a & Style.ITALIC) != 0) add(sb, "3");
    if ((a & Style.UNDERLINE) != 0) add(sb, "4");
    if ((a & Style.REVERSE) != 0) add(sb, "7");
    if ((a & Style.STRIKE) != 0) add(sb, "9");
    if (look.fg() >= 0) add(sb, "38;5;" + look.fg());
    if (look.bg() >= 0) add(sb, "48;5;" + look.bg());
    return sb.toString();
  }

  private static void add(StringBuilder sb, String code) {
    if (sb.length() > 0) sb.append(';');
    sb.append(code);
  }

  /**
   * Writes lines as they arrive, the same text as {@link #write}, in blocks rather than as one
   * string of the whole page. To bytes, it encodes UTF-8 itself (a lone surrogate becomes '?',
   * as the character writer does); after a write fails (a closed pipe) the rest is dropped,
   * as a {@code PrintWriter} does.
   */
  public static final class Sink implements Consumer<Line> {
    private static final int BLOCK = 1 << 15;
    /** A {@link #part} keeps up to this many chars as text before it starts encoding them. */
    private static final int KEEP = BLOCK * 4;
    private final Format format;
    private final Theme theme;
    /** Whether this is a {@link #part}, and whether it stands for a sink of chars. */
    private final boolean part;
    private final boolean toChars;
    private Writer chars;
    private OutputStream bytes;
    private final StringBuilder buf;
    private final Map<Style, String> sgrs = new HashMap<>();
    private byte[] encoded = new byte[0];
    private char[] text = new char[0];
    private boolean failed;

    private Sink(Format format, Theme theme, Writer chars, OutputStream bytes, boolean part, boolean toChars) {
      this.format = format;
      this.theme = theme;
      this.chars = chars;
      this.bytes = bytes;
      this.part = part;
      this.toChars = toChars;
      // a part is often a few kilobytes: it grows its buffer as needed
      this.buf = new StringBuilder(part ? 1024 : BLOCK + 4096);
    }

    /** Lines to a character writer. */
    public static Sink of(Writer out, Format format, Theme theme) {
      return new Sink(format, theme, out, null, false, true);
    }

    /** Lines to a byte stream, as UTF-8. */
    public static Sink of(OutputStream out, Format format, Theme theme) {
      return new Sink(format, theme, null, out, false, false);
    }

    @Override
    public void accept(Line l) {
      line(buf, l, format, theme, sgrs);
      buf.append('\n');
      if (buf.length() >= BLOCK && (!part || chars != null || bytes != null || buf.length() >= KEEP)) {
        // a long part encodes on its own thread, into memory, as it goes
        if (part && chars == null && bytes == null) {
          if (toChars) chars = new java.io.CharArrayWriter(KEEP);
          else bytes = new Held();
        }
        drain();
      }
    }

    /**
     * A sink of the same format that keeps what it writes in memory, for a part of the page
     * laid out on another thread; {@link #append} writes it here once the lines before it are.
     * A short part is kept as text, so that a page of many parts makes no buffers per part.
     */
    public Sink part() {
      return new Sink(format, theme, null, null, true, toChars);
    }

    /**
     * A sink of the same format that keeps all it writes in memory until {@link #append}ed: for
     * a page not known to be right until its end.
     */
    public Sink held() {
      return toChars
          ? new Sink(format, theme, new java.io.CharArrayWriter(KEEP), null, false, true)
          : new Sink(format, theme, null, new Held(), false, false);
    }

    /** Writes what this sink holds so far, then everything a finished {@link #part} or {@link #held} sink kept. */
    public void append(Sink part) {
      drain();
      if (failed) return;
      try {
        if (part.chars != null) ((java.io.CharArrayWriter) part.chars).writeTo(chars);
        else if (part.bytes != null) ((Held) part.bytes).writeTo(bytes);
        // what a part holds as text: all of it, or what came after it started encoding
        if (part.part) write(part.buf);
      } catch (IOException e) {
        failed = true;
      }
    }

    /**
     * Bytes kept in blocks of a fixed size: a whole page held grows without copying what it
     * holds, and without arrays so large that they go straight to the old generation.
     */
    private static final class Held extends OutputStream {
      private static final int SIZE = 1 << 16;
      private final List<byte[]> full = new java.util.ArrayList<>();
      private byte[] last = new byte[SIZE];
      private int used;

      @Override
      public void write(int b) {
        if (used == SIZE) next();
        last[used++] = (byte) b;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        while (len > 0) {
          if (used == SIZE) next();
          int n = Math.min(len, SIZE - used);
          System.arraycopy(b, off, last, used, n);
          used += n;
          off += n;
          len -= n;
        }
      }

      private void next() {
        full.add(last);
        last = new byte[SIZE];
        used = 0;
      }

      void writeTo(OutputStream out) throws IOException {
        for (byte[] b : full) out.write(b);
        out.write(last, 0, used);
      }
    }

    /** Writes what is left and flushes; a part keeps what it holds for {@link #append}. */
    public void finish() {
      if (part) {
        if (chars == null && bytes == null) return;
        drain();
        return;
      }
      drain();
      if (failed) return;
      try {
        if (chars != null) chars.flush();
        else bytes.flush();
      } catch (IOException e) {
        failed = true;
      }
    }

    private void drain() {
      if (buf.length() == 0) return;
      if (!failed) {
        try {
          write(buf);
        } catch (IOException e) {
          failed = true;
        }
      }
      buf.setLength(0);
    }

    /** Writes {@code s} in blocks of at most {@link #BLOCK} chars, never cutting a surrogate pair. */
    private void write(StringBuilder s) throws IOException {
      int n = s.length();
      for (int from = 0; from < n; ) {
        int to = Math.min(n, from + BLOCK);
        if (to < n && Character.isHighSurrogate(s.charAt(to - 1))) to--;
        if (chars != null) {
          chars.append(s, from, to);
        } else {
          int k = utf8(s, from, to);
          bytes.write(encoded, 0, k);
        }
        from = to;
      }
    }

    private int utf8(StringBuilder s, int from, int to) {
      int n = to - from;
      if (encoded.length < n * 3) {
        encoded = new byte[n * 3];
        text = new char[n];
      }
      // one bulk copy, then plain array reads: StringBuilder.charAt checks its coder and bounds per char
      char[] cs = text;
      s.getChars(from, to, cs, 0);
      byte[] b = encoded;
      int k = 0;
      for (int i = 0; i < n; i++) {
        char c = cs[i];
        if (c < 0x80) {
          b[k++] = (byte) c;
        } else if (c < 0x800) {
          b[k++] = (byte) (0xC0 | (c >> 6));
          b[k++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
          char d = i + 1 < n ? cs[i + 1] : 0;
          if (Character.isHighSurrogate(c) && Character.isLowSurrogate(d)) {
            int cp = Character.toCodePoint(c, d);
            i++;
            b[k++] = (byte) (0xF0 | (cp >> 18));
            b[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[k++] = (byte) (0x80 | (cp & 0x3F));
          } else {
            b[k++] = '?';
          }
        } else {
          b[k++] = (byte) (0xE0 | (c >> 12));
          b[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          b[k++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      return k;
    }
  }
}
