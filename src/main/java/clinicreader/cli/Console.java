package clinicreader.cli;

import java.io.File;
import java.util.concurrent.TimeUnit;

/** What we know about the terminal we print to, without touching it. */
final class Console {
  private Console() {}

  /** Whether stdout is an interactive terminal worth colouring or drawing on. */
  static boolean interactive() {
    String term = System.getenv("TERM");
    return System.console() != null && (term == null || !term.equals("dumb"));
  }

  /** NO_COLOR set to anything non-empty. */
  static boolean noColor() {
    String v = System.getenv("NO_COLOR");
    return v != null && !v.isEmpty();
  }

  /** The terminal's width: $COLUMNS, else {@code stty size} on the tty, else 80. */
  static int width() {
    String cols = System.getenv("COLUMNS");
    if (cols != null) {
      try {
        int c = Integer.parseInt(cols.trim());
        if (c > 0) return c;
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    if (System.console() != null && new File("/dev/tty").canRead()) {
      try {
        Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
            .redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
          String[] parts = s.split("\\s+");
          if (parts.length == 2) return Integer.parseInt(parts[1]);
        }
      } catch (Exception ignored) {
        // fall through to the default
      }
    }
    return 80;
  }
}
