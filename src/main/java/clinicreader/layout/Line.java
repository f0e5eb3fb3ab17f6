package clinicreader.layout;

import java.util.List;

/**
 * One output line: styled spans whose total display width never exceeds the layout width.
 * {@code block} identifies the source block the line came from; block ids do not depend on the
 * width, so a reader's place survives a re-layout.
 */
public record Line(List<Span> spans, int block) {
  public static final Line EMPTY = new Line(List.of(), -1);

  public Line {
    spans = List.copyOf(spans);
  }

  public int width() {
    int w = 0;
    for (Span s : spans) w += s.width();
    return w;
  }

  /** The line's text without styles. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans) sb.append(s.text());
    return sb.toString();
  }
}
