package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import clinicreader.state.Bookmark;
import clinicreader.state.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bookmarks and recent lists as overlay lines (one entry per line, the chosen one
 * highlighted), and the library's marks: unread articles and the bookmarked-only filter. Pure,
 * like {@link Panels}.
 */
final class MemoryPanels {
  private MemoryPanels() {}

  /** The number of entries the open list has. */
  static int entries(ReaderState s) {
    MemoryState m = s.memory();
    return s.overlay() == ReaderState.Overlay.BOOKMARKS ? m.saved().bookmarks().size()
        : m.saved().recent(MemoryUpdate.RECENT).size();
  }

  /** The overlay line of entry {@code index}. */
  static int lineOf(int index) {
    return index;
  }

  static String title(ReaderState s) {
    return s.overlay() == ReaderState.Overlay.BOOKMARKS ? " Bookmarks " : " Recently read ";
  }

  static String hint(ReaderState s) {
    if (entries(s) == 0) return " Esc closes ";
    return s.overlay() == ReaderState.Overlay.BOOKMARKS ? " Enter opens \u00b7 d deletes \u00b7 Esc closes "
        : " Enter opens \u00b7 Esc closes ";
  }

  /** The lines of the open list, {@code width} cells wide. */
  static List<Line> lines(ReaderState s, int width) {
    MemoryState m = s.memory();
    List<Line> out = new ArrayList<>();
    int sel = Math.max(0, Math.min(m.selected(), entries(s) - 1));
    if (s.overlay() == ReaderState.Overlay.BOOKMARKS) {
      List<Bookmark> bs = m.saved().bookmarks();
      if (bs.isEmpty()) {
        return TextWrap.wrap("No bookmarks yet. In an article, m bookmarks the section at the top of the screen.",
            Style.of(Tone.MUTED), width);
      }
      for (int i = 0; i < bs.size(); i++) {
        Bookmark b = bs.get(i);
        String label = b.sectionLabel().isEmpty() ? "Start" : b.sectionLabel();
        out.add(entry(MemoryUpdate.title(s, b.slug()), label, i == sel, width));
      }
      return out;
    }
    List<String> recent = m.saved().recent(MemoryUpdate.RECENT);
    if (recent.isEmpty()) return TextWrap.wrap("Nothing read yet.", Style.of(Tone.MUTED), width);
    for (int i = 0; i < recent.size(); i++) {
      String slug = recent.get(i);
      out.add(entry(MemoryUpdate.title(s, slug), where(s, slug), i == sel, width));
    }
    return out;
  }

  /** "at 3. Results" for the saved place in an article of the library, else "". */
  private static String where(ReaderState s, String slug) {
    ArticleMeta a = MemoryUpdate.article(s, slug);
    Optional<Position> p = s.memory().saved().position(slug);
    if (a == null || p.isEmpty() || p.get().sectionAnchor().isEmpty()) return "";
    int idx = a.outline().indexOfAnchor(p.get().sectionAnchor());
    return idx < 0 ? "" : "at " + MemoryUpdate.label(a.outline(), idx);
  }

  private static Line entry(String title, String detail, boolean chosen, int width) {
    Style base = chosen ? Style.of(Tone.SELECTED) : Style.PLAIN;
    List<Span> spans = new ArrayList<>();
    spans.add(new Span(chosen ? "\u25b8 " : "  ", chosen ? base : Style.of(Tone.LINK_MARKER)));
    Style titleStyle = chosen ? new Style(Tone.SELECTED, Style.BOLD) : new Style(Tone.TITLE, Style.BOLD);
    String more = detail.isEmpty() ? "" : " \u00b7 " + detail;
    // a long title gives way to the section, which is what tells bookmarks apart
    int titleWidth = Math.max(Math.min(12, Cells.width(title)), width - 2 - Cells.width(more));
    spans.addAll(TextWrap.fit(title, titleStyle, titleWidth).spans());
    if (!more.isEmpty()) spans.add(new Span(more, chosen ? base : Style.of(Tone.META)));
    Line line = TextWrap.fit(spans, width);
    if (!chosen || line.width() >= width) return line;
    // the highlight runs across the whole box
    List<Span> padded = new ArrayList<>(line.spans());
    padded.add(new Span(" ".repeat(width - line.width()), base));
    return new Line(padded, line.block());
  }

  // ---- the library

  /** The mark before a library title: "• " for an article not read yet, else blanks; null without memory. */
  static Span unreadMark(ReaderState s, ArticleMeta a, boolean selected) {
    if (!s.memory().enabled()) return null;
    boolean unread = s.memory().unread(a.slug());
    return new Span(unread ? "\u2022 " : "  ", selected ? Style.of(Tone.SELECTED) : Style.of(Tone.LINK_MARKER));
  }

  /** The library header's right part, saying when only bookmarked articles are shown. */
  static String header(ReaderState s, String right) {
    return s.memory().bookmarkedOnly() ? "bookmarked \u00b7 " + right : right;
  }
}
