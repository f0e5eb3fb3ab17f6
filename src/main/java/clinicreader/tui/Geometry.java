package clinicreader.tui;

/**
 * Where things go on the screen for a terminal size: the rows for text, the contents sidebar,
 * and the article column (at most {@code maxWidth} cells, centred). Pure arithmetic, shared by
 * the update step (page sizes, clicks) and the screens.
 */
public record Geometry(int width, int height, int bodyRows, int sidebarWidth, int textCol, int textWidth) {
  /** Below this size the reader shows "terminal too small". */
  public static final int MIN_WIDTH = 40;
  public static final int MIN_HEIGHT = 10;
  /** The sidebar is shown by default from this width. */
  public static final int SIDEBAR_AUTO_WIDTH = 110;
  /** The sidebar can be shown at all from this width. */
  public static final int SIDEBAR_MIN_WIDTH = 60;
  /** The default and largest sensible article width. */
  public static final int DEFAULT_MAX_WIDTH = 100;

  /** The article screen's geometry. */
  public static Geometry article(int width, int height, boolean sidebar, int maxWidth) {
    int bodyRows = Math.max(1, height - 2);
    int sw = sidebar && width >= SIDEBAR_MIN_WIDTH ? Math.max(24, Math.min(34, width / 4)) : 0;
    int area = width - sw;
    int textWidth = Math.max(20, Math.min(maxWidth, area - 2));
    int textCol = sw + Math.max(0, (area - textWidth) / 2);
    return new Geometry(width, height, bodyRows, sw, textCol, textWidth);
  }

  public boolean tooSmall() {
    return tooSmall(width, height);
  }

  public static boolean tooSmall(int width, int height) {
    return width < MIN_WIDTH || height < MIN_HEIGHT;
  }

  /** Rows of the library screen: list rows and summary rows, for a height. */
  public record LibraryRows(int listTop, int listRows, int summaryRows) {
    /** Entries that fit in the list (two rows each). */
    public int visibleItems() {
      return Math.max(1, listRows / 2);
    }
  }

  /** The library screen's rows: header (2), list, rule + summary, keys line, call-to-action bar. */
  public static LibraryRows library(int height) {
    int summary = height >= 20 ? 4 : height >= 14 ? 2 : 0;
    int list = height - 2 - 2 - (summary == 0 ? 0 : summary + 1);
    return new LibraryRows(2, Math.max(2, list), summary);
  }

  /** The library's content column width and left edge. */
  public static int libraryWidth(int width, int maxWidth) {
    return Math.max(20, Math.min(maxWidth, width - 4));
  }
}
