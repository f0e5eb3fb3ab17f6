package clinicreader.layout;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;

/**
 * GFM tables fitted to the width: natural column widths when they fit, else columns shrunk
 * and cells wrapped, else (too many columns for the width) one record per row, "Header: value".
 */
final class TableLayout {
  /** Words up to this width are never split in a grid; tables that would need it become records. */
  private static final int UNBROKEN = 12;
  private static final String SEP = " \u2502 ";
  private final LayoutWriter out;
  private final BlockLayout blocks;

  TableLayout(LayoutWriter out, BlockLayout blocks) {
    this.out = out;
    this.blocks = blocks;
  }

  void table(TableBlock t) {
    List<TableRow> rows = BlockLayout.rows(t);
    if (rows.isEmpty()) return;
    int cols = 0;
    for (TableRow r : rows) cols = Math.max(cols, BlockLayout.cells(r).size());
    List<List<List<Wrapper.Run>>> cells = new ArrayList<>();
    for (int ri = 0; ri < rows.size(); ri++) {
      List<List<Wrapper.Run>> row = new ArrayList<>();
      List<TableCell> cs = BlockLayout.cells(rows.get(ri));
      for (int c = 0; c < cols; c++) {
        Style base = ri == 0 ? new Style(Tone.TEXT, Style.BOLD) : Style.PLAIN;
        row.add(c < cs.size() ? blocks.inlines(cs.get(c), base) : List.of());
      }
      cells.add(row);
    }
    // each column's alignment, as its delimiter row gives it (':--', ':-:', '--:')
    TableCell.Alignment[] align = new TableCell.Alignment[cols];
    for (TableRow r : rows) {
      List<TableCell> cs = BlockLayout.cells(r);
      for (int c = 0; c < cs.size() && c < cols; c++) if (align[c] == null) align[c] = cs.get(c).getAlignment();
    }
    int avail = out.available();
    int[] natural = new int[cols];
    int[] longestWord = new int[cols];
    for (List<List<Wrapper.Run>> row : cells) {
      for (int c = 0; c < cols; c++) {
        List<List<Span>> one = Wrapper.wrap(row.get(c), Integer.MAX_VALUE / 4);
        for (List<Span> l : one) natural[c] = Math.max(natural[c], new Line(l, 0).width());
        longestWord[c] = Math.max(longestWord[c], Wrapper.longestWord(row.get(c)));
      }
    }
    int sepWidth = Cells.width(SEP) * (cols - 1);
    int room = avail - sepWidth;
    out.blank();
    out.nextBlock();
    if (sum(natural) <= room || sumCapped(longestWord) <= room) {
      int[] widths = fit(natural, longestWord, room);
      grid(cells, widths, align);
    } else {
      records(cells);
    }
    out.blank();
  }

  /**
   * Column widths: natural when they fit; else wrap between words, shrinking the widest column
   * that is wider than its longest word; only then split words, never below
   * {@link #UNBROKEN} cells (or the longest word, if shorter).
   */
  static int[] fit(int[] natural, int[] longestWord, int room) {
    int[] w = natural.clone();
    for (int i = 0; i < w.length; i++) w[i] = Math.max(1, w[i]);
    while (sum(w) > room) {
      int widest = -1;
      for (int i = 0; i < w.length; i++) {
        if (w[i] > longestWord[i] && (widest < 0 || w[i] > w[widest])) widest = i;
      }
      if (widest < 0) break;
      w[widest]--;
    }
    while (sum(w) > room) {
      int widest = -1;
      for (int i = 0; i < w.length; i++) {
        if (w[i] > Math.min(UNBROKEN, Math.max(1, longestWord[i])) && (widest < 0 || w[i] > w[widest])) widest = i;
      }
      if (widest < 0) break;
      w[widest]--;
    }
    return w;
  }

  /** The room the table needs so that no word shorter than {@link #UNBROKEN} cells is split. */
  private static int sumCapped(int[] longestWord) {
    int s = 0;
    for (int v : longestWord) s += Math.min(UNBROKEN, Math.max(1, v));
    return s;
  }

  private void grid(List<List<List<Wrapper.Run>>> cells, int[] widths, TableCell.Alignment[] align) {
    Style sep = Style.of(Tone.RULE);
    for (int ri = 0; ri < cells.size(); ri++) {
      List<List<List<Span>>> wrapped = new ArrayList<>();
      int height = 1;
      for (int c = 0; c < widths.length; c++) {
        List<List<Span>> lines = Wrapper.wrap(cells.get(ri).get(c), widths[c]);
        wrapped.add(lines);
        height = Math.max(height, lines.size());
      }
      for (int h = 0; h < height; h++) {
        List<Span> line = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
          if (c > 0) line.add(new Span(SEP, sep));
          List<Span> part = h < wrapped.get(c).size() ? wrapped.get(c).get(h) : List.of();
          int pw = 0;
          for (Span s : part) pw += s.width();
          // the room left in the cell goes after the text, before it (right-aligned), or half
          // each side (centred); a blank line of a cell is all room
          int room = Math.max(0, widths[c] - pw);
          int before = part.isEmpty() ? 0 : align[c] == TableCell.Alignment.RIGHT ? room
              : align[c] == TableCell.Alignment.CENTER ? room / 2 : 0;
          if (before > 0) line.add(new Span(" ".repeat(before), Style.PLAIN));
          line.addAll(part);
          if (c < widths.length - 1 && room - before > 0) line.add(new Span(" ".repeat(room - before), Style.PLAIN));
        }
        out.line(trimRight(line));
      }
      if (ri == 0) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
          if (c > 0) sb.append("\u2500\u253c\u2500");
          sb.append("\u2500".repeat(widths[c]));
        }
        out.line(List.of(new Span(sb.toString(), sep)));
      }
    }
  }

  private void records(List<List<List<Wrapper.Run>>> cells) {
    List<List<Wrapper.Run>> header = cells.get(0);
    for (int ri = 1; ri < cells.size(); ri++) {
      if (ri > 1) out.line(List.of(new Span("\u2500".repeat(Math.min(out.available(), 20)), Style.of(Tone.RULE))));
      for (int c = 0; c < header.size(); c++) {
        List<Wrapper.Run> runs = new ArrayList<>();
        for (Wrapper.Run r : header.get(c)) runs.add(new Wrapper.Run(r.text(), new Style(Tone.TEXT, Style.BOLD), r.hardBreak()));
        runs.add(Wrapper.Run.of(":", new Style(Tone.TEXT, Style.BOLD)));
        runs.add(Wrapper.Run.of(" ", Style.PLAIN));
        runs.addAll(cells.get(ri).get(c));
        blocks.paragraph(runs);
      }
    }
    if (cells.size() == 1) {
      List<Wrapper.Run> runs = new ArrayList<>();
      for (List<Wrapper.Run> h : header) {
        runs.addAll(h);
        runs.add(Wrapper.Run.of(" ", Style.PLAIN));
      }
      blocks.paragraph(runs);
    }
  }

  private static List<Span> trimRight(List<Span> line) {
    while (!line.isEmpty() && line.get(line.size() - 1).text().isBlank()) line.remove(line.size() - 1);
    return line;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) s += v;
    return s;
  }
}
