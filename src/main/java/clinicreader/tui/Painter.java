package clinicreader.tui;

import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.Theme;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paints layout {@link Line}s onto a Lanterna screen cell by cell, one grapheme cluster per
 * cell (two for wide ones), advancing by {@link Cells} widths so that the screen agrees with
 * the layout. Never uses {@code putString}, which splits emoji into '?' cells.
 */
final class Painter {
  private static final TextColor[] INDEXED = new TextColor[256];

  static {
    for (int i = 0; i < 256; i++) INDEXED[i] = new TextColor.Indexed(i);
  }

  private final Screen screen;
  private final Theme theme;
  private final Map<Theme.Look, TextCharacter> blanks = new HashMap<>();
  private final Map<Theme.Look, Cached> cache = new HashMap<>();
  private int width;
  private int height;

  Painter(Screen screen, Theme theme) {
    this.screen = screen;
    this.theme = theme;
  }

  Theme theme() {
    return theme;
  }

  /** Starts a frame of the given size. */
  void begin(int w, int h) {
    this.width = w;
    this.height = h;
    screen.clear();
  }

  /** Fills a rectangle with spaces in a style. */
  void fill(int col, int row, int w, int h, Style style) {
    TextCharacter blank = blank(theme.look(style));
    for (int r = row; r < row + h; r++) {
      if (r < 0 || r >= height) continue;
      for (int c = Math.max(0, col); c < Math.min(width, col + w); c++) screen.setCharacter(c, r, blank);
    }
  }

  /** Paints one string in one style, cut to {@code w} cells, padding the rest with the style. */
  int text(int col, int row, int w, String text, Style style) {
    return line(col, row, w, new Line(List.of(new Span(text, style)), -1), style);
  }

  /**
   * Paints a line from {@code col} in at most {@code w} cells; the cells after it are filled in
   * {@code base}, whose colours also stand in for the spans' default ones (bars keep their
   * background under text). Returns the cells used by the text.
   */
  int line(int col, int row, int w, Line line, Style base) {
    if (row < 0 || row >= height) return 0;
    Theme.Look baseLook = theme.look(base);
    int end = Math.min(width, col + w);
    int x = col;
    for (Span span : line.spans()) {
      Theme.Look look = merge(theme.look(span.style()), baseLook);
      TextColor fg = color(look.fg());
      TextColor bg = color(look.bg());
      EnumSet<SGR> sgr = sgr(look.attrs());
      Cached cached = cache.computeIfAbsent(look, l -> new Cached());
      String text = span.text();
      for (int i = 0; i < text.length() && x < end; ) {
        int next = Cells.clusterEnd(text, i);
        int cw = Cells.clusterWidth(text, i, next);
        if (cw == 0) {
          i = next;
          continue;
        }
        if (x + cw > end) {
          x = end;
          break;
        }
        if (x >= 0) {
          // Lanterna's TextCharacter.fromString runs a break iterator and Unicode block lookups
          // per call: a page of cells repeats few characters in few looks, so reuse them
          char c = text.charAt(i);
          if (next == i + 1 && c < 128) {
            TextCharacter tc = cached.ascii[c];
            if (tc == null) tc = cached.ascii[c] = single(String.valueOf(c), cw, fg, bg, sgr);
            if (tc != null) screen.setCharacter(x, row, tc);
            else put(x, row, text.substring(i, next), cw, fg, bg, sgr);
          } else {
            String cluster = text.substring(i, next);
            TextCharacter tc = cached.other.get(cluster);
            if (tc == null) {
              tc = single(cluster, cw, fg, bg, sgr);
              if (tc != null && cached.other.size() < 4096) cached.other.put(cluster, tc);
            }
            if (tc != null) screen.setCharacter(x, row, tc);
            else put(x, row, cluster, cw, fg, bg, sgr);
          }
        }
        i = next;
        x += cw;
      }
    }
    TextCharacter blank = blank(baseLook);
    for (int c = Math.max(0, x); c < end; c++) screen.setCharacter(c, row, blank);
    return x - col;
  }

  /** The one cell {@link #put} would write for a cluster, or null when it writes another way. */
  private static TextCharacter single(String cluster, int cw, TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    TextCharacter[] tcs = TextCharacter.fromString(cluster, fg, bg, sgr);
    TextCharacter tc = tcs.length == 1 ? tcs[0] : null;
    return tc != null && tc.isDoubleWidth() == (cw == 2) ? tc : null;
  }

  /** Cells already made for one look: ASCII by code, other clusters by their text. */
  private static final class Cached {
    final TextCharacter[] ascii = new TextCharacter[128];
    final Map<String, TextCharacter> other = new HashMap<>();
  }

  private void put(int x, int row, String cluster, int cw, TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    TextCharacter[] tcs = TextCharacter.fromString(cluster, fg, bg, sgr);
    TextCharacter tc = tcs.length == 1 ? tcs[0] : null;
    if (tc != null && tc.isDoubleWidth() == (cw == 2)) {
      screen.setCharacter(x, row, tc);
      return;
    }
    // Lanterna splits some clusters (flags, ZWJ sequences) or measures them differently:
    // draw a stand-in of the width the layout reserved, so nothing after it shifts.
    if (cw == 2 && tcs.length > 0 && tcs[0].isDoubleWidth()) {
      screen.setCharacter(x, row, tcs[0]);
      return;
    }
    String base = new String(Character.toChars(cluster.codePointAt(0)));
    TextCharacter[] one = TextCharacter.fromString(base, fg, bg, sgr);
    TextCharacter first = one.length == 1 && !one[0].isDoubleWidth() ? one[0]
        : TextCharacter.fromCharacter('\uFFFD', fg, bg, sgr.toArray(new SGR[0]))[0];
    screen.setCharacter(x, row, first);
    if (cw == 2) screen.setCharacter(x + 1, row, TextCharacter.fromCharacter(' ', fg, bg, sgr.toArray(new SGR[0]))[0]);
  }

  private static Theme.Look merge(Theme.Look span, Theme.Look base) {
    return new Theme.Look(span.fg() >= 0 ? span.fg() : base.fg(), span.bg() >= 0 ? span.bg() : base.bg(),
        span.attrs() | (base.attrs() & Style.REVERSE));
  }

  private TextCharacter blank(Theme.Look look) {
    return blanks.computeIfAbsent(look, l ->
        TextCharacter.fromCharacter(' ', color(l.fg()), color(l.bg()), sgr(l.attrs()).toArray(new SGR[0]))[0]);
  }

  private static TextColor color(int index) {
    return index >= 0 && index < 256 ? INDEXED[index] : TextColor.ANSI.DEFAULT;
  }

  private static EnumSet<SGR> sgr(int attrs) {
    EnumSet<SGR> s = EnumSet.noneOf(SGR.class);
    if ((attrs & Style.BOLD) != 0) s.add(SGR.BOLD);
    if ((attrs & Style.ITALIC) != 0) s.add(SGR.ITALIC);
    if ((attrs & Style.UNDERLINE) != 0) s.add(SGR.UNDERLINE);
    if ((attrs & Style.STRIKE) != 0) s.add(SGR.CROSSED_OUT);
    if ((attrs & Style.REVERSE) != 0) s.add(SGR.REVERSE);
    return s;
  }
}
