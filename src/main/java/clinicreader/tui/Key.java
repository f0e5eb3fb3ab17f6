package clinicreader.tui;

/**
 * A key press (or mouse event) by name, independent of the terminal library: a printable
 * character is itself ("j", "?", "3"); others are named ("Enter", "Esc", "Tab", "Up", "PgDn",
 * "Space", "C-c", "EOF", "WheelUp", "Click"). Mouse events carry the cell they happened at.
 */
public record Key(String name, int col, int row) {
  public static Key of(String name) {
    return new Key(name, -1, -1);
  }

  /** Whether this is one printable character (prompt input). */
  public boolean printable() {
    return name.codePointCount(0, name.length()) == 1 && !Character.isISOControl(name.codePointAt(0));
  }
}
