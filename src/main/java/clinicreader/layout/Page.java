package clinicreader.layout;

import java.util.List;

/**
 * A laid-out article page: its lines, the line where each outline section starts (same order
 * as the outline), the numbered links, and the selectable related articles.
 */
public record Page(
    List<Line> lines,
    int width,
    List<Integer> sectionLines,
    List<Link> links,
    List<Related> related) {

  /** Link number {@code n} (1-based), its destination and visible text. */
  public record Link(int number, String destination, String text, int line) {}

  /** A related article's slug and the line where its entry starts. */
  public record Related(String slug, String title, int line) {}

  /** A place in the text that survives a re-layout at another width. */
  public record Anchor(int block, int offset, int blockLines) {}

  public Page {
    lines = List.copyOf(lines);
    sectionLines = List.copyOf(sectionLines);
    links = List.copyOf(links);
    related = List.copyOf(related);
  }

  public int size() {
    return lines.size();
  }

  /** The index of the section that {@code line} is in (the last one starting at or above it), or -1. */
  public int sectionAt(int line) {
    int found = -1;
    for (int i = 0; i < sectionLines.size(); i++) {
      if (sectionLines.get(i) <= line) found = i;
      else break;
    }
    return found;
  }

  /** Where {@code line} is, as (block, line within block). */
  public Anchor anchorAt(int line) {
    if (lines.isEmpty()) return new Anchor(-1, 0, 1);
    int l = Math.max(0, Math.min(line, lines.size() - 1));
    int block = lines.get(l).block();
    int first = l;
    while (first > 0 && lines.get(first - 1).block() == block) first--;
    int last = l;
    while (last + 1 < lines.size() && lines.get(last + 1).block() == block) last++;
    return new Anchor(block, l - first, last - first + 1);
  }

  /** The line of an anchor taken from another layout of the same document. */
  public int lineOf(Anchor a) {
    if (a == null || lines.isEmpty()) return 0;
    int first = -1;
    int count = 0;
    int best = -1;
    for (int i = 0; i < lines.size(); i++) {
      int b = lines.get(i).block();
      if (b == a.block()) {
        if (first < 0) first = i;
        count++;
      } else if (first >= 0) {
        break;
      } else if (b < a.block() && b >= 0) {
        best = i;
      }
    }
    if (first < 0) return Math.max(0, best);
    int off = a.blockLines() <= 1 ? 0 : (int) Math.round((double) a.offset() * (count - 1) / (a.blockLines() - 1));
    return first + Math.max(0, Math.min(count - 1, off));
  }
}
