package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.Page;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import clinicreader.search.Field;
import clinicreader.search.PageMatches;
import clinicreader.search.Result;
import clinicreader.search.Snippet;
import java.util.ArrayList;
import java.util.List;

/**
 * What finding adds to the screens: the search and tag in the library header, highlighted
 * titles and one-line snippets of search results, the in-article matches painted over the text
 * (Tone.MATCH on the match columns), the focused related article, "match 3 of 12" in the
 * status line, and what the search prompt is waiting for.
 */
final class FindScreen {
  private FindScreen() {}

  // ---- library

  /** Adds the active search and tag to the library header. */
  static void libraryHeader(ReaderState s, List<Span> head) {
    FindState f = s.find();
    Style bar = Style.of(Tone.STATUS);
    if (f.tag() != null) head.add(new Span(" \u00b7 #" + f.tag().replace(' ', '-'), new Style(Tone.STATUS, Style.BOLD)));
    if (!f.query().isBlank() && s.prompt() == null) head.add(new Span(" \u00b7 /" + f.query(), new Style(Tone.STATUS, Style.BOLD)));
    if (f.filtering()) head.add(new Span(" \u00b7 " + s.library().items().size() + " of " + f.base().size(), bar));
  }

  /** The title row of a library entry, with the search words highlighted. */
  static List<Span> libraryTitle(ReaderState s, ArticleMeta a, boolean sel, List<Span> title) {
    Result r = s.find().result(a.slug());
    if (r == null || title.isEmpty()) return title;
    List<Snippet.Range> ranges = r.titleMatches();
    if (ranges.isEmpty()) return title;
    Span last = title.get(title.size() - 1);
    if (!last.text().equals(a.title())) return title;
    List<Span> out = new ArrayList<>(title.subList(0, title.size() - 1));
    out.addAll(mark(last.text(), ranges, last.style(), match(sel)));
    return out;
  }

  /** The second row of a library entry: for a match in the text, the snippet and its section. */
  static List<Span> librarySecond(ReaderState s, ArticleMeta a, boolean sel, List<Span> second, int width) {
    Result r = s.find().result(a.slug());
    if (r == null || r.field() != Field.BODY && r.field() != Field.SUMMARY) return second;
    try {
      String section = "";
      if (r.field() == Field.BODY && r.location().hasSection()) section = "\u00a7" + r.location().sectionNumber() + " ";
      Style meta = sel ? Style.of(Tone.SELECTED) : Style.of(Tone.META);
      Style text = sel ? Style.of(Tone.SELECTED) : Style.PLAIN;
      String lead = "  " + section;
      Snippet snip = r.snippet(Math.max(8, width - Cells.width(lead)));
      List<Span> out = new ArrayList<>();
      out.add(new Span(lead, meta));
      out.addAll(mark(snip.text(), snip.matches(), text, match(sel)));
      return out;
    } catch (RuntimeException e) {
      return second; // an article that cannot be read again keeps its usual row
    }
  }

  /** Says so when a search or tag leaves nothing in the list. */
  static void libraryEmpty(ReaderState s, Painter p, int col, int row, int width) {
    FindState f = s.find();
    if (!f.filtering() || !s.library().items().isEmpty()) return;
    String what = !f.query().isBlank() && f.index() == null ? "Indexing\u2026"
        : "No article matches" + (f.query().isBlank() ? "" : " \u201c" + f.query() + "\u201d")
            + (f.tag() == null ? "" : " tagged #" + f.tag()) + ". Esc shows all.";
    p.line(col, row, width, TextWrap.fit(what, Style.of(Tone.MUTED), width), Style.PLAIN);
  }

  /** The library's key line, naming the finding keys (and how to clear a filter). */
  static String libraryKeys(ReaderState s, String keys) {
    if (s.message() != null) return keys;
    if (s.find().filtering()) return " \u2191\u2193 move \u00b7 Enter read" + (s.find().query().isBlank() ? "" : " at the match")
        + " \u00b7 / search \u00b7 # tags \u00b7 Esc shows all \u00b7 ? help";
    return keys.replace(" \u00b7 s sort", " \u00b7 / search \u00b7 # tags \u00b7 s sort");
  }

  // ---- article

  /** Paints the search matches and the focused related article over the drawn page. */
  static void article(ReaderState s, Painter p, Geometry g) {
    ReaderState.ArticleView a = s.article();
    Page page = a.page();
    FindState f = s.find();
    FindState.ArticleSearch search = f.search() == null ? null : FindUpdate.resync(f.search(), page);
    if (search != null) {
      List<PageMatches.Match> m = search.matches();
      for (int i = 0; i < m.size(); i++) {
        int line = m.get(i).line();
        if (line < a.top() || line >= a.top() + g.bodyRows() || line >= page.size()) continue;
        List<int[]> cols = new ArrayList<>();
        List<Boolean> current = new ArrayList<>();
        int j = i;
        while (j < m.size() && m.get(j).line() == line) {
          cols.add(new int[] {m.get(j).startCol(), m.get(j).endCol()});
          current.add(j == search.current());
          j++;
        }
        p.line(g.textCol(), line - a.top(), g.textWidth(), markColumns(page.lines().get(line), cols, current), Style.PLAIN);
        i = j - 1;
      }
    }
    if (f.related() >= 0 && f.related() < page.related().size()) {
      int line = page.related().get(f.related()).line();
      if (line >= a.top() && line < a.top() + g.bodyRows() && line < page.size()) {
        List<Span> spans = new ArrayList<>();
        for (Span sp : page.lines().get(line).spans()) spans.add(new Span(sp.text(), new Style(Tone.SELECTED, sp.style().attrs())));
        spans.add(new Span("  Enter opens", new Style(Tone.SELECTED, Style.ITALIC)));
        p.line(g.textCol(), line - a.top(), g.textWidth(), TextWrap.fit(spans, g.textWidth()), Style.PLAIN);
      }
    }
  }

  /** The left of the status line: the search's place ("match 3 of 12") before the title. */
  static String articleStatus(ReaderState s, String left) {
    FindState.ArticleSearch search = s.find().search();
    if (search == null || s.prompt() != null) return left;
    String where = search.matches().isEmpty() ? "no match for \u201c" + search.query() + "\u201d"
        : (search.current() >= 0 ? "match " + (search.current() + 1) + " of " + search.matches().size()
            : search.matches().size() + " matches") + " \u00b7 n N";
    return s.message() != null ? s.message() + " \u00b7 " + where : where + " \u00b7 " + left;
  }

  /** Paints, at the right of a search prompt, how many results or matches there are, or "indexing…". */
  static void prompt(ReaderState s, Painter p) {
    if (s.prompt() == null || s.prompt().kind() == Prompt.Kind.SECTION) return;
    FindState f = s.find();
    String info;
    if (s.prompt().kind() == Prompt.Kind.LINK) {
      int n = s.article() == null ? 0 : s.article().page().links().size();
      info = "1\u2013" + n + " \u00b7 Enter follows \u00b7 Esc cancels ";
    } else if (s.screen() == ReaderState.Screen.ARTICLE && s.article() != null) {
      info = f.search() == null ? "Enter jumps \u00b7 Esc cancels " : f.search().matches().size() + " matches \u00b7 Enter jumps ";
    } else if (f.index() == null && f.indexing()) {
      info = "indexing\u2026 ";
    } else {
      info = f.query().isBlank() ? "title, summary, tags, text \u00b7 Esc clears "
          : s.library().items().size() + " found \u00b7 Enter opens \u00b7 \u2191\u2193 choose ";
    }
    int w = Cells.width(info);
    int used = Cells.width(" " + s.prompt().kind().label() + s.prompt().text()) + 2;
    if (used + w > s.width()) return;
    p.text(s.width() - w, s.height() - 2, w, info, Style.of(Tone.STATUS));
  }

  // ---- helpers

  private static Style match(boolean selected) {
    // on a selected row (reverse in mono) the match shows by its underline
    return selected ? new Style(Tone.MATCH, Style.BOLD | Style.UNDERLINE) : new Style(Tone.MATCH, Style.BOLD);
  }

  /** {@code text} in spans, the character ranges in {@code hit} and the rest in {@code plain}. */
  static List<Span> mark(String text, List<Snippet.Range> ranges, Style plain, Style hit) {
    List<Span> out = new ArrayList<>();
    int at = 0;
    for (Snippet.Range r : ranges) {
      int s = Math.max(at, Math.min(r.start(), text.length()));
      int e = Math.max(s, Math.min(r.end(), text.length()));
      if (s > at) out.add(new Span(text.substring(at, s), plain));
      if (e > s) out.add(new Span(text.substring(s, e), hit));
      at = e;
    }
    if (at < text.length()) out.add(new Span(text.substring(at), plain));
    return out;
  }

  /** A page line with the display columns {@code [start, end)} of each range restyled as matches. */
  static Line markColumns(Line line, List<int[]> cols, List<Boolean> current) {
    List<Span> out = new ArrayList<>();
    int col = 0;
    for (Span sp : line.spans()) {
      String t = sp.text();
      StringBuilder run = new StringBuilder();
      Style runStyle = null;
      for (int i = 0; i < t.length(); ) {
        int e = Cells.clusterEnd(t, i);
        int k = rangeAt(cols, col);
        Style st = k < 0 ? sp.style()
            : new Style(Tone.MATCH, (sp.style().attrs() & ~Style.REVERSE) | (current.get(k) ? Style.BOLD | Style.UNDERLINE : 0));
        if (runStyle != null && !st.equals(runStyle)) {
          out.add(new Span(run.toString(), runStyle));
          run.setLength(0);
        }
        runStyle = st;
        run.append(t, i, e);
        col += Cells.clusterWidth(t, i, e);
        i = e;
      }
      if (run.length() > 0) out.add(new Span(run.toString(), runStyle));
    }
    return new Line(out, line.block());
  }

  private static int rangeAt(List<int[]> cols, int col) {
    for (int k = 0; k < cols.size(); k++) if (col >= cols.get(k)[0] && col < cols.get(k)[1]) return k;
    return -1;
  }
}
