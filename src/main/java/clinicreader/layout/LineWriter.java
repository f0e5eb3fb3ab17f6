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
    private final Format format;
    private final Theme theme;
    private final Writer chars;
    private final OutputStream bytes;
    private final StringBuilder buf = new StringBuilder(BLOCK + 4096);
    private final Map<Style, String> sgrs = new HashMap<>();
    private byte[] encoded = new byte[0];
    private char[] text = new char[0];
    private boolean failed;

    private Sink(Format format, Theme theme, Writer chars, OutputStream bytes) {
      this.format = format;
      this.theme = theme;
      this.chars = chars;
      this.bytes = bytes;
    }

    /** Lines to a character writer. */
    public static Sink of(Writer out, Format format, Theme theme) {
      return new Sink(format, theme, out, null);
    }

    /** Lines to a byte stream, as UTF-8. */
    public static Sink of(OutputStream out, Format format, Theme theme) {
      return new Sink(format, theme, null, out);
    }

    @Override
    public void accept(Line l) {
      line(buf, l, format, theme, sgrs);
      buf.append('\n');
      if (buf.length() >= BLOCK) drain();
    }

    /**
     * A sink of the same format that keeps what it writes in memory, for a part of the page
     * laid out on another thread, or a page not known to be right until its end;
     * {@link #append} writes it here once the lines before it are.
     */
    public Sink part() {
      return chars != null
          ? new Sink(format, theme, new java.io.CharArrayWriter(BLOCK * 4), null)
          : new Sink(format, theme, null, new Held());
    }

    /** Writes what this sink holds so far, then everything a finished {@link #part} kept. */
    public void append(Sink part) {
      drain();
      if (failed) return;
      try {
        if (chars != null) ((java.io.CharArrayWriter) part.chars).writeTo(chars);
        else ((Held) part.bytes).writeTo(bytes);
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

    /** Writes what is left and flushes. */
    public void finish() {
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
          if (chars != null) chars.append(buf);
          else {
            int n = utf8();
            bytes.write(encoded, 0, n);
          }
        } catch (IOException e) {
          failed = true;
        }
      }
      buf.setLength(0);
    }

    private int utf8() {
      int n = buf.length();
      if (encoded.length < n * 3) {
        encoded = new byte[n * 3];
        text = new char[n];
      }
      // one bulk copy, then plain array reads: StringBuilder.charAt checks its coder and bounds per char
      char[] cs = text;
      buf.getChars(0, n, cs, 0);
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
