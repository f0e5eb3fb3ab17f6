package clinicreader.layout;

/** A run of text in one style. The text never holds control characters or newlines. */
public record Span(String text, Style style) {
  public Span {
    text = clinicreader.content.Text.cleanLine(text);
  }

  public int width() {
    return Cells.width(text);
  }
}
