package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import clinicreader.layout.Line;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import java.util.ArrayList;
import java.util.List;

/** Draws the library: clinic header, article list, the selected one's summary, keys, call-to-action. */
final class LibraryScreen {
  private LibraryScreen() {}

  static void draw(ReaderState s, Painter p, int maxWidth) {
    int w = s.width();
    int h = s.height();
    ReaderState.LibraryView l = s.library();
    Geometry.LibraryRows rows = Geometry.library(h);
    int cw = Geometry.libraryWidth(w, maxWidth);
    int col = (w - cw) / 2;
    Style bar = Style.of(Tone.STATUS);

    String right = l.items().isEmpty() ? "" : (l.selected() + 1) + "/" + l.items().size()
        + " \u00b7 by " + (l.sort() == Library.Sort.DATE ? "date" : "title") + " ";
    right = MemoryPanels.header(s, right);
    p.fill(0, 0, w, 1, bar);
    int rw = clinicreader.layout.Cells.width(right);
    List<Span> head = new ArrayList<>();
    head.add(new Span(" " + s.clinic().name(), new Style(Tone.STATUS, Style.BOLD)));
    if (s.clinic().tagline() != null) head.add(new Span(" \u00b7 " + s.clinic().tagline(), bar));
    FindScreen.libraryHeader(s, head); // finding: the search and tag
    p.line(0, 0, Math.max(0, w - rw - 1), TextWrap.fit(head, Math.max(0, w - rw - 1)), bar);
    if (rw < w) p.text(w - rw, 0, rw, right, bar);

    if (l.items().isEmpty()) {
      p.text(col, rows.listTop(), cw, "No articles here. Add Markdown files to the articles directory.", Style.of(Tone.MUTED));
    }
    FindScreen.libraryEmpty(s, p, col, rows.listTop(), cw); // finding: nothing matched
    int visible = rows.visibleItems();
    for (int i = 0; i < visible; i++) {
      int idx = l.top() + i;
      if (idx >= l.items().size()) break;
      ArticleMeta a = l.items().get(idx);
      boolean sel = idx == l.selected();
      int row = rows.listTop() + 2 * i;
      Style base = sel ? Style.of(Tone.SELECTED) : Style.PLAIN;
      if (sel) p.fill(col - 1, row, cw + 2, 2, base);
      List<Span> title = new ArrayList<>();
      title.add(new Span(sel ? "\u25b8 " : "  ", Style.of(Tone.LINK_MARKER)));
      Span unread = MemoryPanels.unreadMark(s, a, sel);
      if (unread != null) title.add(unread);
      if (a.front().draft()) title.add(new Span("DRAFT ", Style.of(Tone.DRAFT)));
      title.add(new Span(a.title(), sel ? new Style(Tone.SELECTED, Style.BOLD) : new Style(Tone.TITLE, Style.BOLD)));
      title = FindScreen.libraryTitle(s, a, sel, title); // finding: the search words highlighted
      p.line(col, row, cw, TextWrap.fit(title, cw), base);
      StringBuilder meta = new StringBuilder("  ");
      if (s.memory().enabled()) meta.append("  ");
      meta.append(PageLayout.date(a.front().date())).append(" \u00b7 ").append(a.readingMinutes()).append(" min read");
      List<Span> second = new ArrayList<>();
      second.add(new Span(meta.toString(), sel ? Style.of(Tone.SELECTED) : Style.of(Tone.META)));
      if (!a.front().tags().isEmpty()) {
        StringBuilder tags = new StringBuilder(" \u00b7");
        for (String t : a.front().tags()) tags.append(" #").append(t.replace(' ', '-'));
        second.add(new Span(tags.toString(), sel ? Style.of(Tone.SELECTED) : Style.of(Tone.TAG)));
      }
      second = FindScreen.librarySecond(s, a, sel, second, cw); // finding: the snippet of a match in the text
      p.line(col, row + 1, cw, TextWrap.fit(second, cw), base);
    }

    if (rows.summaryRows() > 0) {
      // the summary follows the list closely, and may use the rows a short list leaves free
      int shown = Math.max(0, Math.min(visible, l.items().size() - l.top()));
      int ruleRow = Math.min(rows.listTop() + rows.listRows(), rows.listTop() + shown * 2 + 1);
      int maxRows = Math.max(rows.summaryRows(), h - 2 - ruleRow - 1);
      p.text(col, ruleRow, cw, "\u2500".repeat(cw), Style.of(Tone.RULE));
      ArticleMeta cur = l.current();
      String summary = cur == null ? null : cur.front().summary();
      List<Line> lines = summary == null ? List.of() : TextWrap.wrap(summary, Style.PLAIN, cw);
      for (int i = 0; i < maxRows && i < lines.size(); i++) {
        Line line = lines.get(i);
        if (i == maxRows - 1 && lines.size() > maxRows) {
          List<Span> more = new ArrayList<>(line.spans());
          more.add(new Span(" \u2026", Style.PLAIN));
          line = TextWrap.fit(more, cw);
        }
        p.line(col, ruleRow + 1 + i, cw, line, Style.PLAIN);
      }
    }

    String keys = s.message() != null ? " " + s.message()
        : " \u2191\u2193 move \u00b7 Enter read \u00b7 s sort \u00b7 c contact \u00b7 ? help \u00b7 q quit";
    keys = FindScreen.libraryKeys(s, keys); // finding
    p.line(0, h - 2, w, TextWrap.fit(keys, bar, w), bar);
    ArticleScreen.ctaBar(s, p, null);
  }
}
