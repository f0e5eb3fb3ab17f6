package clinicreader.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping of styled runs into lines no wider than a given width. Breaks only at
 * white space; a word wider than the line is split between grapheme clusters. Hard breaks
 * (a run holding only "\n") force a new line.
 */
final class Wrapper {
  private Wrapper() {}

  /** A piece of a word in one style. */
  private record Piece(String text, Style style, int width) {}

  /** A word: pieces with no white space between them; {@code null} pieces mark a hard break. */
  private record Word(List<Piece> pieces, int width, boolean hardBreak) {}

  /** Inline text in one style, or a hard line break. */
  record Run(String text, Style style, boolean hardBreak) {
    static Run of(String text, Style style) {
      return new Run(clinicreader.content.Text.clean(text), style, false);
    }

    static Run lineBreak() {
      return new Run("", Style.PLAIN, true);
    }
  }

  static List<List<Span>> wrap(List<Run> runs, int width) {
    List<Word> words = words(runs);
    List<List<Span>> lines = new ArrayList<>();
    LineBuilder line = new LineBuilder();
    int lineWidth = 0;
    Style lastStyle = null;
    for (Word w : words) {
      if (w.hardBreak()) {
        lines.add(line.finish());
        line = new LineBuilder();
        lineWidth = 0;
        lastStyle = null;
        continue;
      }
      int need = (lineWidth > 0 ? 1 : 0) + w.width();
      if (lineWidth > 0 && lineWidth + need > width) {
        lines.add(line.finish());
        line = new LineBuilder();
        lineWidth = 0;
        lastStyle = null;
      }
      if (w.width() > width - lineWidth) {
        // split an overlong word into chunks that fit
        for (Piece p : w.pieces()) {
          for (String cl : Cells.clusters(p.text())) {
            int cw = Cells.clusterWidth(cl);
            if (lineWidth + cw > width && lineWidth > 0) {
              lines.add(line.finish());
              line = new LineBuilder();
              lineWidth = 0;
            }
            if (cw > width) continue; // a 2-cell cluster on a 1-cell line cannot be shown
            line.append(cl, p.style());
            lineWidth += cw;
          }
        }
        lastStyle = w.pieces().isEmpty() ? null : w.pieces().get(w.pieces().size() - 1).style();
        continue;
      }
      if (lineWidth > 0) {
        Style first = w.pieces().get(0).style();
        line.append(" ", first.equals(lastStyle) ? first : Style.PLAIN);
        lineWidth++;
      }
      for (Piece p : w.pieces()) line.append(p.text(), p.style());
      lineWidth += w.width();
      lastStyle = w.pieces().get(w.pieces().size() - 1).style();
    }
    if (!line.isEmpty() || lines.isEmpty()) lines.add(line.finish());
    return lines;
  }

  /**
   * A line being built. Text in the same style is collected and made into one span at the end,
   * rather than re-making (and re-cleaning) a growing span for every word.
   */
  private static final class LineBuilder {
    private final List<Span> spans = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Style style;

    void append(String s, Style st) {
      if (style != null && !style.equals(st)) flush();
      style = st;
      text.append(s);
    }

    private void flush() {
      if (style == null) return;
      spans.add(new Span(text.toString(), style));
      text.setLength(0);
      style = null;
    }

    boolean isEmpty() {
      return spans.isEmpty() && style == null;
    }

    List<Span> finish() {
      flush();
      return spans;
    }
  }

  private static List<Word> words(List<Run> runs) {
    List<Word> out = new ArrayList<>();
    List<Piece> cur = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (Run r : runs) {
      String t = r.text();
      if (r.hardBreak()) {
        flushPiece(cur, sb, r.style());
        flushWord(out, cur);
        out.add(new Word(List.of(), 0, true));
        continue;
      }
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n') {
          flushPiece(cur, sb, r.style());
          flushWord(out, cur);
        } else {
          sb.append(c);
        }
      }
      flushPiece(cur, sb, r.style());
    }
    flushWord(out, cur);
    return out;
  }

  private static void flushPiece(List<Piece> cur, StringBuilder sb, Style style) {
    if (sb.length() == 0) return;
    String s = sb.toString();
    cur.add(new Piece(s, style, Cells.width(s)));
    sb.setLength(0);
  }

  private static void flushWord(List<Word> out, List<Piece> cur) {
    if (cur.isEmpty()) return;
    int w = 0;
    for (Piece p : cur) w += p.width();
    out.add(new Word(List.copyOf(cur), w, false));
    cur.clear();
  }
}
