package clinicreader.search;

import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a query on a laid-out page, for highlighting and for {@code n}/{@code N}: each match is a
 * line and a range of display columns on it. Matching is case- and accent-insensitive, like
 * library search.
 */
public final class PageMatches {
  private PageMatches() {}

  /** A match on line {@code line}, covering display columns {@code [startCol, endCol)}. */
  public record Match(int line, int startCol, int endCol) {}

  /**
   * Every place where a word of {@code query} starts a word on the page (the library search's
   * rule: "insur" finds "Insurance"), in reading order.
   */
  public static List<Match> find(List<Line> lines, String query) {
    return find(lines, Query.parse(query));
  }

  /** Every place where a word of the query starts a word on the page, in reading order. */
  public static List<Match> find(List<Line> lines, Query query) {
    List<Match> out = new ArrayList<>();
    if (query.isEmpty()) return out;
    List<Snippet.Range> ranges = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).text();
      if (text.isEmpty()) continue;
      ranges.clear();
      Excerpts.matches(text, query, ranges);
      addColumns(out, i, text, ranges);
    }
    return out;
  }

  /**
   * Every occurrence of {@code text} as typed (spaces and punctuation included, anywhere inside
   * words), like {@code less}; case- and accent-insensitive.
   */
  public static List<Match> findText(List<Line> lines, String text) {
    List<Match> out = new ArrayList<>();
    String needle = Fold.fold(text == null ? "" : text);
    if (needle.isBlank()) return out;
    List<Snippet.Range> ranges = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).text();
      if (t.isEmpty()) continue;
      Fold.Folded f = Fold.folded(t);
      ranges.clear();
      int from = 0;
      int at;
      while ((at = f.text().indexOf(needle, from)) >= 0) {
        ranges.add(new Snippet.Range(f.originalStart(at), f.originalEnd(at + needle.length(), t)));
        from = at + Math.max(1, needle.length());
      }
      addColumns(out, i, t, ranges);
    }
    return out;
  }

  /** The index of the first match on or after {@code line}, wrapping to 0; -1 when there are none. */
  public static int firstFrom(List<Match> matches, int line) {
    if (matches.isEmpty()) return -1;
    for (int i = 0; i < matches.size(); i++) if (matches.get(i).line() >= line) return i;
    return 0;
  }

  private static void addColumns(List<Match> out, int line, String text, List<Snippet.Range> ranges) {
    if (ranges.isEmpty()) return;
    int[] col = columns(text);
    for (Snippet.Range r : ranges) {
      int s = col[r.start()];
      int e = col[r.end()];
      if (e > s) out.add(new Match(line, s, e));
    }
  }

  /** The display column where each character index starts (inside a cluster: the cluster's start). */
  static int[] columns(String text) {
    int n = text.length();
    int[] col = new int[n + 1];
    int acc = 0;
    for (int i = 0; i < n; ) {
      int e = Cells.clusterEnd(text, i);
      for (int k = i; k < e; k++) col[k] = acc;
      acc += Cells.clusterWidth(text, i, e);
      i = e;
    }
    col[n] = acc;
    return col;
  }
}
