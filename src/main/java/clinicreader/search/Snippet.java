package clinicreader.search;

import clinicreader.layout.Cells;
import java.util.List;

/**
 * One line of text around a match, at most a given number of display columns, cut at word
 * boundaries with "…" where text was left out; {@code matches} are the parts to highlight, as
 * character offsets into {@code text} (use {@link #columns} for display columns).
 */
public record Snippet(String text, List<Range> matches) {
  /** The ellipsis marking text left out. */
  public static final String ELLIPSIS = "…";

  /** A highlighted range {@code [start, end)} of character offsets. */
  public record Range(int start, int end) {}

  /** A range in display columns {@code [startCol, endCol)}. */
  public record Columns(int startCol, int endCol) {}

  public Snippet {
    matches = List.copyOf(matches);
  }

  /** The display columns of a range of this snippet. */
  public Columns columns(Range r) {
    int s = Cells.width(text.substring(0, r.start()));
    return new Columns(s, s + Cells.width(text.substring(r.start(), r.end())));
  }

  /** The display width of the whole snippet. */
  public int width() {
    return Cells.width(text);
  }
}
