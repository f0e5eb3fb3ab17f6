package clinicreader.tui;

import clinicreader.content.Outline;
import clinicreader.layout.Cells;
import clinicreader.layout.Page;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import java.util.ArrayList;
import java.util.List;

/** Draws the article: page lines in the centred column, contents sidebar, status line, call-to-action bar. */
final class ArticleScreen {
  private ArticleScreen() {}

  static void draw(ReaderState s, Painter p, Geometry g) {
    ReaderState.ArticleView a = s.article();
    Page page = a.page();
    int banner = PreviewScreen.bannerRows(s);
    for (int r = banner; r < g.bodyRows(); r++) {
      int i = a.top() + r - banner;
      if (i < page.size()) p.line(g.textCol(), r, g.textWidth(), page.lines().get(i), Style.PLAIN);
    }
    FindScreen.article(s, p, g); // finding: search matches, the focused related article
    if (g.sidebarWidth() > 0) sidebar(a, p, g);
    PreviewScreen.banner(s, p);

    Style bar = Style.of(Tone.STATUS);
    // the position always shows; the section title gives way first when the line is short
    String pct = "  " + Bars.percent(page, a.top(), g.bodyRows()) + "% ";
    String sectionLabel = Bars.section(a.outline(), a.section());
    int rw = Math.min(Cells.width(sectionLabel) + Cells.width(pct), s.width() / 2);
    String right = TextWrap.fit(sectionLabel, bar, Math.max(1, rw - Cells.width(pct))).text() + pct;
    String left = s.message() != null ? s.message()
        : a.notice() != null ? "\u26a0 " + a.notice()
        : a.input().article().meta().title();
    left = FindScreen.articleStatus(s, left); // finding: "match 3 of 12"
    left = PreviewScreen.status(s, left);
    Style leftStyle = s.message() != null || a.notice() == null ? new Style(Tone.STATUS, Style.BOLD) : bar;
    p.fill(0, s.height() - 2, s.width(), 1, bar);
    int lw = Math.max(0, s.width() - rw - 2);
    p.line(0, s.height() - 2, lw, TextWrap.fit(List.of(new Span(" " + left, leftStyle)), lw), bar);
    p.line(s.width() - rw, s.height() - 2, rw, TextWrap.fit(right, bar, rw), bar);
    ctaBar(s, p, a.input().article().meta().front().cta());
  }

  /** The call-to-action bar on the bottom line. */
  static void ctaBar(ReaderState s, Painter p, String ctaId) {
    Style bar = Style.of(Tone.BAR);
    String text = " " + Bars.cta(s.clinic(), ctaId, s.width());
    p.line(0, s.height() - 1, s.width(), TextWrap.fit(text, bar, s.width()), bar);
  }

  private static void sidebar(ReaderState.ArticleView a, Painter p, Geometry g) {
    int sw = g.sidebarWidth() - 1;
    List<Outline.Section> sections = a.outline().sections();
    Style rule = Style.of(Tone.RULE);
    for (int r = 0; r < g.bodyRows(); r++) p.text(sw, r, 1, "\u2502", rule);
    String title = a.sidebarFocus() ? " Contents \u00b7 Enter jumps" : " Contents";
    p.text(0, 0, sw, title, new Style(a.sidebarFocus() ? Tone.HEADING : Tone.SUBHEADING, Style.BOLD));
    int first = Update.sidebarFirst(a, g);
    int numWidth = Integer.toString(Math.max(1, a.outline().topLevelCount())).length();
    int current = a.section();
    for (int r = 1; r < g.bodyRows(); r++) {
      int idx = first + r - 1;
      if (idx >= sections.size()) break;
      Outline.Section sec = sections.get(idx);
      boolean isCurrent = idx == current;
      boolean chosen = a.sidebarFocus() && idx == a.sidebarSelected();
      Style base = chosen ? Style.of(Tone.SELECTED) : Style.PLAIN;
      List<Span> spans = new ArrayList<>();
      spans.add(new Span(isCurrent ? "\u25b8" : " ", Style.of(Tone.LINK_MARKER)));
      String number = sec.level() == 1
          ? " ".repeat(Math.max(0, numWidth - sec.number().length())) + sec.number() + ". "
          : " ".repeat(numWidth + 2) + sec.number() + " ";
      spans.add(new Span(number,
          chosen ? base : Style.of(Tone.MUTED)));
      Style text = chosen ? new Style(Tone.SELECTED, isCurrent ? Style.BOLD : 0)
          : isCurrent ? new Style(Tone.HEADING, Style.BOLD) : Style.PLAIN;
      spans.add(new Span(sec.title(), text));
      p.line(0, r, sw - 1, TextWrap.fit(spans, sw - 1), base);
    }
  }

}
