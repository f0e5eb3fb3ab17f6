package clinicreader.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a reader stopped in an article: the anchor of the section the top line was in, and how
 * many lines below that section's heading. Unlike a raw line number this survives edits above
 * the section and re-layout at another width. An empty anchor means "above the first section"
 * (the article's header); then {@code lineInSection} counts from the top of the page.
 *
 * <p>The mapping helpers take the outline's section anchors and the page's section start lines
 * as plain lists (same order, as {@code Outline.sections()} and {@code Page.sectionLines()}).
 */
public record Position(String sectionAnchor, int lineInSection, Instant updatedAt) {

  /** The anchor used for places above the first section. */
  public static final String TOP = "";

  public Position {
    sectionAnchor = sectionAnchor == null ? TOP : sectionAnchor;
    lineInSection = Math.max(0, lineInSection);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The position of page line {@code line}, stamped now. */
  public static Position of(List<String> anchors, List<Integer> sectionLines, int line) {
    return of(anchors, sectionLines, line, Instant.now());
  }

  /**
   * The position of page line {@code line}: the section with the greatest start line at or
   * above it (the later one on a tie), and the distance from that start.
   */
  public static Position of(List<String> anchors, List<Integer> sectionLines, int line, Instant at) {
    int n = Math.min(anchors.size(), sectionLines.size());
    int best = -1;
    int bestStart = Integer.MIN_VALUE;
    int target = Math.max(0, line);
    for (int i = 0; i < n; i++) {
      int start = sectionLines.get(i);
      // section starts need not ascend (a layout may move some sections), so compare them all
      if (start <= target && start >= bestStart) {
        best = i;
        bestStart = start;
      }
    }
    if (best < 0) return new Position(TOP, target, at);
    return new Position(anchors.get(best), target - bestStart, at);
  }

  /**
   * The page line of this position. The offset is kept inside its section (it stops on the
   * line before the next section starts), since the section may have become shorter. When the
   * anchor is no longer in the outline, the answer is the top of the page, 0. The last section
   * has no end here: callers clamp to the page's size.
   */
  public int toLine(List<String> anchors, List<Integer> sectionLines) {
    int n = Math.min(anchors.size(), sectionLines.size());
    int start;
    if (sectionAnchor.isEmpty()) {
      start = 0;
    } else {
      int index = -1;
      for (int i = 0; i < n; i++) {
        if (anchors.get(i).equals(sectionAnchor)) {
          index = i;
          break;
        }
      }
      if (index < 0) return 0;
      start = sectionLines.get(index);
    }
    int next = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      int s = sectionLines.get(i);
      if (s > start && s < next) next = s;
    }
    long line = (long) start + lineInSection;
    if (next != Integer.MAX_VALUE) line = Math.min(line, next - 1L);
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, line));
  }

  /** Whether this position was recorded after {@code other} (ties broken by content). */
  boolean newerThan(Position other) {
    if (other == null) return true;
    int c = updatedAt.compareTo(other.updatedAt);
    if (c != 0) return c > 0;
    c = sectionAnchor.compareTo(other.sectionAnchor);
    if (c != 0) return c > 0;
    return lineInSection > other.lineInSection;
  }
}
