package clinicreader.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping of styled runs into lines no wider than a given width. Breaks only at
 * white space; a word wider than the line is split after a separator such as '/' or '-' in the
 * line's second half, else between grapheme clusters. Hard breaks
 * (a run holding only "\n") force a new line.
 */
final class Wrapper {
  private Wrapper() {}

  /** A piece of a word in one style. */
  private record Piece(String text, Style style, int width) {}

  /**
   * A word: pieces with no white space between them, or a hard break. A {@code glued} word
   * follows the previous one without a space (CJK text, which may break between characters).
   */
  private record Word(List<Piece> pieces, int width, boolean hardBreak, boolean glued) {}

  /** Closing punctuation that must not start a line (kinsoku). */
  private static final String NO_BREAK_BEFORE = "\u3001\u3002\uff0c\uff0e\uff01\uff1f\uff09\u300d\u300f\u3011\u3009\u300b\uff1a\uff1b\u30fc";

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
    // indexed loops: the client compiler allocates every iterator
    for (int wi = 0; wi < words.size(); wi++) {
      Word w = words.get(wi);
      if (w.hardBreak()) {
        lines.add(line.finish());
        line = new LineBuilder();
        lineWidth = 0;
        lastStyle = null;
        continue;
      }
      int gap = lineWidth > 0 && !w.glued() ? 1 : 0;
      int need = gap + w.width();
      if (lineWidth > 0 && lineWidth + need > width) {
        lines.add(line.finish());
        line = new LineBuilder();
        lineWidth = 0;
        lastStyle = null;
      }
      if (w.width() > width - lineWidth) {
        // an overlong word (a long address, mostly) starts a line of its own here, and is split
        // into chunks that fit: after a '/', '-' or other separator where one falls in the
        // second half of the line, else between grapheme clusters
        List<String> cls = new ArrayList<>();
        List<Style> styles = new ArrayList<>();
        for (Piece p : w.pieces()) {
          for (String cl : Cells.clusters(p.text())) {
            if (Cells.clusterWidth(cl) > width) continue; // a 2-cell cluster on a 1-cell line cannot be shown
            cls.add(cl);
            styles.add(p.style());
          }
        }
        int n = cls.size();
        int[] cw = new int[n];
        for (int i = 0; i < n; i++) cw[i] = Cells.clusterWidth(cls.get(i));
        for (int i = 0; i < n; ) {
          if (lineWidth > 0) {
            lines.add(line.finish());
            line = new LineBuilder();
            lineWidth = 0;
          }
          int end = i;
          int used = 0;
          while (end < n && used + cw[end] <= width) used += cw[end++];
          if (end < n) {
            int fill = 0;
            int best = -1;
            for (int k = i; k < end - 1; k++) {
              fill += cw[k];
              if (fill * 2 >= width && isSeparator(cls.get(k))) best = k + 1;
            }
            if (best > 0) end = best;
          }
          for (int k = i; k < end; k++) {
            line.append(cls.get(k), styles.get(k));
            lineWidth += cw[k];
          }
          i = end;
        }
        lastStyle = w.pieces().isEmpty() ? null : w.pieces().get(w.pieces().size() - 1).style();
        continue;
      }
      if (lineWidth > 0 && gap > 0) {
        Style first = w.pieces().get(0).style();
        line.append(" ", first.equals(lastStyle) ? first : Style.PLAIN);
        lineWidth++;
      }
      List<Piece> pieces = w.pieces();
      for (int pi = 0; pi < pieces.size(); pi++) line.append(pieces.get(pi).text(), pieces.get(pi).style());
      lineWidth += w.width();
      lastStyle = w.pieces().get(w.pieces().size() - 1).style();
    }
    if (!line.isEmpty() || lines.isEmpty()) lines.add(line.finish());
    return lines;
  }

  /** Characters after which a long address or compound may break. */
  private static boolean isSeparator(String cluster) {
    if (cluster.length() != 1) return false;
    return "/-?&=#._~,;:+".indexOf(cluster.charAt(0)) >= 0;
  }

  /** The width of the widest word (text between white space) in {@code runs}. */
  static int longestWord(List<Run> runs) {
    int max = 0;
    for (Word w : words(runs)) max = Math.max(max, w.width());
    return max;
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
    boolean glue = false;
    boolean afterCjk = false;
    // each run's chars copied once into an array: the client compiler leaves a call and a range
    // check in every String.charAt, and this loop reads every char of a page
    char[] cs = new char[64];
    for (Run r : runs) {
      String t = r.text();
      if (r.hardBreak()) {
        flushWord(out, cur, glue);
        out.add(new Word(List.of(), 0, true, false));
        glue = false;
        afterCjk = false;
        continue;
      }
      int n = t.length();
      if (cs.length < n) cs = new char[Math.max(n, cs.length * 2)];
      t.getChars(0, n, cs, 0);
      // a piece is always one stretch of the run's text: [start, i)
      int start = 0;
      for (int i = 0; i < n; ) {
        char c = cs[i];
        // below U+0300 nothing joins a cluster, so a character there followed by another is one cluster
        int end = c < 0x300 && (i + 1 == n || cs[i + 1] < 0x300) ? i + 1 : Cells.clusterEnd(t, i);
        if (c == ' ' || c == '\t' || c == '\n') {
          flushPiece(cur, t, start, i, r.style());
          flushWord(out, cur, glue);
          start = end;
          glue = false;
          afterCjk = false;
        } else {
          boolean cjk = c >= 0x2E80 && breaksAround(t.codePointAt(i));
          boolean mayBreak = (cjk || afterCjk) && NO_BREAK_BEFORE.indexOf(c) < 0;
          if (mayBreak && (i > start || !cur.isEmpty())) {
            flushPiece(cur, t, start, i, r.style());
            flushWord(out, cur, glue);
            start = i;
            glue = true;
          }
          afterCjk = cjk;
        }
        i = end;
      }
      flushPiece(cur, t, start, n, r.style());
    }
    flushWord(out, cur, glue);
    return out;
  }

  /** Scripts written without spaces, where a line may break between any two characters. */
  private static boolean breaksAround(int cp) {
    return (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  private static void flushPiece(List<Piece> cur, String t, int start, int end, Style style) {
    if (end <= start) return;
    String s = start == 0 && end == t.length() ? t : t.substring(start, end);
    cur.add(new Piece(s, style, Cells.width(s)));
  }

  private static void flushWord(List<Word> out, List<Piece> cur, boolean glued) {
    if (cur.isEmpty()) return;
    int w = 0;
    for (int i = 0; i < cur.size(); i++) w += cur.get(i).width();
    out.add(new Word(cur.size() == 1 ? List.of(cur.get(0)) : List.copyOf(cur), w, false, glued));
    cur.clear();
  }
}
