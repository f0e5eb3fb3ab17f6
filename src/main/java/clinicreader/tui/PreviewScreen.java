package clinicreader.tui;

import clinicreader.content.Problem;
import clinicreader.layout.Line;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import java.util.ArrayList;
import java.util.List;

/** Preview's part of the article screen: the broken-save banner, the status line's notes, the findings list. */
final class PreviewScreen {
  private PreviewScreen() {}

  /** Rows the banner takes at the top of the article (0 or 1). */
  static int bannerRows(ReaderState s) {
    return s.article() != null && s.preview().error() != null ? 1 : 0;
  }

  /** The red line over the text while the file on disk is broken. */
  static void banner(ReaderState s, Painter p) {
    if (bannerRows(s) == 0) return;
    String text = " \u2716 " + s.preview().error() + " \u00b7 showing the last good version";
    Style red = new Style(Tone.ERROR, Style.BOLD);
    p.fill(0, 0, s.width(), 1, red);
    p.line(0, 0, s.width(), TextWrap.fit(text, red, s.width()), red);
  }

  /** The status line's left text: reload time and check summary before {@code left}. */
  static String status(ReaderState s, String left) {
    if (s.message() != null) return left;
    PreviewState p = s.preview();
    List<String> parts = new ArrayList<>();
    if (p.reloaded() != null) parts.add("reloaded " + p.reloaded());
    else if (p.live()) parts.add("preview");
    String check = p.checkSummary();
    if (check != null) parts.add(p.findings().isEmpty() ? check : check + " (! lists)");
    if (parts.isEmpty()) return left;
    parts.add(left);
    return String.join(" \u00b7 ", parts);
  }

  /** The findings overlay: one entry per finding, {@code line:col: severity: message [rule]}. */
  static List<Line> findings(ReaderState s, int width) {
    List<Line> out = new ArrayList<>();
    List<Problem> all = s.preview().findings() == null ? List.of() : s.preview().findings();
    String file = s.article() == null ? "" : Problem.display(PreviewUpdate.file(s.article()));
    out.addAll(TextWrap.wrap(file + " \u00b7 " + s.preview().checkSummary(), Style.of(Tone.META), width));
    out.add(Line.EMPTY);
    if (all.isEmpty()) out.addAll(TextWrap.wrap("No problems found.", Style.PLAIN, width));
    for (Problem f : all) {
      String where = f.line() > 0 ? f.line() + (f.column() > 0 ? ":" + f.column() : "") + ": " : "";
      Tone tone = f.isError() ? Tone.ERROR : Tone.WARNING;
      String text = where + f.severity().label() + ": " + f.message() + (f.rule() == null ? "" : " [" + f.rule() + "]");
      List<Line> wrapped = TextWrap.wrap(text, Style.PLAIN, Math.max(8, width - 2));
      for (int i = 0; i < wrapped.size(); i++) {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(i == 0 ? "\u2022 " : "  ", new Style(tone, Style.BOLD)));
        spans.addAll(wrapped.get(i).spans());
        out.add(TextWrap.fit(spans, width));
      }
    }
    return out;
  }
}
