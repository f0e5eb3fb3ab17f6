package clinicreader.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Small text fitting for screen furniture (lists, panels, bars) that is not an article page:
 * wraps a string into lines and cuts a line to a width with an ellipsis. Widths come from
 * {@link Cells}, the same as the page layout, so the screen never disagrees with it.
 */
public final class TextWrap {
  private TextWrap() {}

  /** Word-wraps {@code text} in one style into lines at most {@code width} cells wide. */
  public static List<Line> wrap(String text, Style style, int width) {
    List<Line> out = new ArrayList<>();
    if (text == null || text.isBlank()) return out;
    for (List<Span> spans : Wrapper.wrap(List.of(Wrapper.Run.of(text, style)), Math.max(1, width))) {
      out.add(new Line(spans, -1));
    }
    return out;
  }

  /** The spans cut to {@code width} cells; when something is cut, the last cell becomes "…". */
  public static Line fit(List<Span> spans, int width) {
    if (width <= 0) return new Line(List.of(), -1);
    int w = 0;
    for (Span s : spans) w += s.width();
    if (w <= width) return new Line(spans, -1);
    List<Span> cut = new ArrayList<>(LayoutWriter.fit(spans, width - 1));
    Style last = cut.isEmpty() ? spans.get(0).style() : cut.get(cut.size() - 1).style();
    int cw = 0;
    for (Span s : cut) cw += s.width();
    if (cw < width - 1) cut.add(new Span(" ".repeat(width - 1 - cw), last));
    cut.add(new Span("\u2026", last));
    return new Line(cut, -1);
  }

  /** One string in one style, cut to {@code width} cells. */
  public static Line fit(String text, Style style, int width) {
    return fit(List.of(new Span(text == null ? "" : text, style)), width);
  }
}
