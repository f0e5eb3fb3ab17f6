package clinicreader.tui;

import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.Style;
import clinicreader.layout.TextWrap;
import clinicreader.layout.Tone;
import com.googlecode.lanterna.TerminalPosition;
import java.util.List;

/** Draws a whole frame for a state: the screen, then the overlay, then the prompt line. */
final class ReaderScreen {
  private ReaderScreen() {}

  /** Draws the state; returns where the cursor should be (for the prompt), or {@code null} to hide it. */
  static TerminalPosition draw(ReaderState s, Painter p, Update update, Keymap keymap) {
    p.begin(s.width(), s.height());
    if (Geometry.tooSmall(s.width(), s.height())) {
      tooSmall(s, p);
      return null;
    }
    if (s.screen() == ReaderState.Screen.ARTICLE && s.article() != null) {
      ArticleScreen.draw(s, p, update.geometry(s));
    } else {
      LibraryScreen.draw(s, p, update.maxWidth());
    }
    if (s.overlay() != ReaderState.Overlay.NONE) overlay(s, p, keymap);
    if (s.prompt() != null) {
      Style bar = Style.of(Tone.STATUS);
      String text = " " + s.prompt().kind().label() + s.prompt().text();
      p.line(0, s.height() - 2, s.width(), TextWrap.fit(text, new Style(Tone.STATUS, Style.BOLD), s.width()), bar);
      FindScreen.prompt(s, p); // finding: results, matches or "indexing…"
      return new TerminalPosition(Math.min(s.width() - 1, Cells.width(text)), s.height() - 2);
    }
    return null;
  }

  private static void overlay(ReaderState s, Painter p, Keymap keymap) {
    List<Line> lines = Panels.lines(s, keymap);
    Panels.Box box = Panels.box(s.width(), s.height(), lines.size());
    Style border = Style.of(Tone.CTA);
    Style inside = Style.PLAIN;
    String title = s.overlay() == ReaderState.Overlay.CONTACT ? " Contact " : " Keys ";
    String hint = s.overlay() == ReaderState.Overlay.CONTACT ? " Esc or c closes " : " Esc or ? closes ";
    title = FindPanels.title(s.overlay(), title); // finding: tag list, links, link panel
    hint = FindPanels.hint(s.overlay(), hint);
    if (MemoryUpdate.isList(s.overlay())) { title = MemoryPanels.title(s); hint = MemoryPanels.hint(s); }
    if (s.overlay() == ReaderState.Overlay.FINDINGS) {
      title = " Check ";
      hint = " Esc or ! closes ";
    }
    int inner = box.width() - 2;
    int top = Math.min(s.overlayTop(), box.maxTop(lines.size()));
    boolean more = top < box.maxTop(lines.size());
    String topBar = "\u256d\u2500" + title + "\u2500".repeat(Math.max(0, inner - 1 - Cells.width(title))) + "\u256e";
    String tail = (top > 0 ? " \u2191" : "") + (more ? " \u2193 j/k scroll" : "") + hint;
    String bottomBar = "\u2570" + "\u2500".repeat(Math.max(0, inner - Cells.width(tail) - 1)) + tail + "\u2500\u256f";
    p.text(box.col(), box.row(), box.width(), topBar, new Style(Tone.CTA, Style.BOLD));
    for (int r = 0; r < box.visibleLines(); r++) {
      int row = box.row() + 1 + r;
      p.text(box.col(), row, 1, "\u2502", border);
      p.fill(box.col() + 1, row, inner, 1, inside);
      int i = top + r;
      if (i < lines.size()) p.line(box.col() + 2, row, box.innerWidth(), lines.get(i), inside);
      p.text(box.col() + box.width() - 1, row, 1, "\u2502", border);
    }
    p.text(box.col(), box.row() + box.height() - 1, box.width(), bottomBar, border);
  }

  private static void tooSmall(ReaderState s, Painter p) {
    String[] msg = {"Terminal too small", "need " + Geometry.MIN_WIDTH + "\u00d7" + Geometry.MIN_HEIGHT
        + ", have " + s.width() + "\u00d7" + s.height(), "Ctrl-C quits"};
    int row = Math.max(0, s.height() / 2 - 1);
    for (int i = 0; i < msg.length && row + i < s.height(); i++) {
      int w = Math.min(s.width(), Cells.width(msg[i]));
      p.line(Math.max(0, (s.width() - w) / 2), row + i, w, TextWrap.fit(msg[i], i == 0
          ? new Style(Tone.WARNING, Style.BOLD) : Style.PLAIN, w), Style.PLAIN);
    }
  }
}
