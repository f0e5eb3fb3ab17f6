package clinicreader.state;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** The XDG base directories, read from an environment map so they can be tested. */
final class Xdg {
  /** The folder name used under each base directory. */
  static final String APP = "clinic-reader";

  private Xdg() {}

  /**
   * {@code $variable} when it is an absolute path (the spec says relative values are ignored),
   * else {@code $HOME/fallback}.
   */
  static Path base(Map<String, String> env, String variable, String fallback) {
    String v = env.get(variable);
    if (v != null && !v.isBlank()) {
      try {
        Path p = Path.of(v);
        if (p.isAbsolute()) return p;
      } catch (InvalidPathException ignored) {
        // fall back to the home directory
      }
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) home = System.getProperty("user.home", ".");
    return Path.of(home).resolve(fallback);
  }
}
