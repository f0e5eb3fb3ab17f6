package clinicreader.tui;

import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.Page;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The finding overlays as lines, drawn in the same box as the other panels: the tag list, the
 * page's link list (one line per entry, the chosen one highlighted) and an outside link's full
 * address.
 */
final class FindPanels {
  private FindPanels() {}

  /** The lines of a finding overlay (empty for the others). */
  static List<Line> lines(ReaderState s, int width) {
    return switch (s.overlay()) {
      case TAGS -> tags(s, width);
      case LINKS -> links(s, width);
      case LINK -> link(s, width);
      default -> List.of();
    };
  }

  /** The box title of a finding overlay, or {@code title} for the others. */
  static String title(ReaderState.Overlay o, String title) {
    return switch (o) {
      case TAGS -> " Filter by tag ";
      case LINKS -> " Links on this page ";
      case LINK -> " Link ";
      default -> title;
    };
  }

  /** The closing hint of a finding overlay, or {@code hint} for the others. */
  static String hint(ReaderState.Overlay o, String hint) {
    return switch (o) {
      case TAGS -> " Enter filters \u00b7 Esc shows all ";
      case LINKS -> " Enter follows \u00b7 Esc closes ";
      case LINK -> " Esc closes ";
      default -> hint;
    };
  }

  private static List<Line> tags(ReaderState s, int width) {
    List<Line> out = new ArrayList<>();
    int pick = s.find().pick();
    String active = s.find().tag();
    int all = s.find().base() != null ? s.find().base().size() : s.library().items().size();
    out.add(entry(0 == pick, active == null, "All articles", all, width));
    int i = 1;
    for (Map.Entry<String, Integer> e : FindUpdate.tagCounts(s).entrySet()) {
      out.add(entry(i == pick, e.getKey().equals(active), "#" + e.getKey().replace(' ', '-'), e.getValue(), width));
      i++;
    }
    return out;
  }

  private static Line entry(boolean chosen, boolean active, String label, int count, int width) {
    Style base = chosen ? Style.of(Tone.SELECTED) : Style.PLAIN;
    String n = count + (count == 1 ? " article" : " articles");
    List<Span> spans = new ArrayList<>();
    spans.add(new Span(active ? "\u2713 " : "  ", chosen ? base : Style.of(Tone.LINK_MARKER)));
    String fitted = TextWrap.fit(label, chosen ? new Style(Tone.SELECTED, Style.BOLD) : Style.of(Tone.TAG),
        Math.max(4, width - 4 - Cells.width(n))).text();
    spans.add(new Span(fitted, chosen ? new Style(Tone.SELECTED, Style.BOLD) : Style.of(Tone.TAG)));
    int pad = Math.max(1, width - 2 - Cells.width(fitted) - Cells.width(n));
    spans.add(new Span(" ".repeat(pad) + n, chosen ? base : Style.of(Tone.META)));
    return TextWrap.fit(spans, width);
  }

  private static List<Line> links(ReaderState s, int width) {
    List<Line> out = new ArrayList<>();
    if (s.article() == null) return out;
    List<Page.Link> links = s.article().page().links();
    int pick = s.find().pick();
    int numWidth = Integer.toString(links.size()).length() + 2;
    for (int i = 0; i < links.size(); i++) {
      Page.Link l = links.get(i);
      boolean chosen = i == pick;
      Style base = chosen ? Style.of(Tone.SELECTED) : Style.PLAIN;
      String marker = "\u2039" + l.number() + "\u203a";
      List<Span> spans = new ArrayList<>();
      spans.add(new Span(" ".repeat(Math.max(0, numWidth - Cells.width(marker))) + marker + " ",
          chosen ? base : Style.of(Tone.LINK_MARKER)));
      String text = l.text().isBlank() ? l.destination() : l.text();
      spans.add(new Span(text, chosen ? new Style(Tone.SELECTED, Style.BOLD) : Style.of(Tone.LINK)));
      spans.add(new Span("  " + l.destination(), chosen ? base : Style.of(Tone.MUTED)));
      Line line = TextWrap.fit(spans, width);
      if (chosen) {
        List<Span> padded = new ArrayList<>(line.spans());
        padded.add(new Span(" ".repeat(Math.max(0, width - line.width())), base));
        line = new Line(padded, -1);
      }
      out.add(line);
    }
    return out;
  }

  private static List<Line> link(ReaderState s, int width) {
    List<Line> out = new ArrayList<>();
    FindState.LinkPanel panel = s.find().link();
    if (panel == null) return out;
    Page.Link l = panel.link();
    String marker = "\u2039" + l.number() + "\u203a ";
    out.addAll(TextWrap.wrap(marker + (l.text().isBlank() ? "Link" : l.text()), new Style(Tone.TITLE, Style.BOLD), width));
    out.add(Line.EMPTY);
    // the whole address, cut into pieces of the box width rather than at words, so none of it is lost
    String url = clinicreader.content.Text.cleanLine(l.destination().strip());
    StringBuilder piece = new StringBuilder();
    int w = 0;
    for (int i = 0; i < url.length(); ) {
      int e = Cells.clusterEnd(url, i);
      String c = url.substring(i, e);
      int cw = Cells.clusterWidth(c);
      if (w + cw > width && piece.length() > 0) {
        out.add(new Line(List.of(new Span(piece.toString(), Style.of(Tone.LINK))), -1));
        piece.setLength(0);
        w = 0;
      }
      piece.append(c);
      w += cw;
      i = e;
    }
    if (piece.length() > 0) out.add(new Line(List.of(new Span(piece.toString(), Style.of(Tone.LINK))), -1));
    out.add(Line.EMPTY);
    String note = panel.note() == null || panel.note().isBlank() ? "Opening with $BROWSER\u2026" : panel.note();
    out.addAll(TextWrap.wrap(note, Style.of(Tone.MUTED), width));
    return out;
  }
}
