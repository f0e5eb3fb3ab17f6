package clinicreader.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;

/** Writes the details of an unexpected error to a log under the user's state directory. */
final class CrashLog {
  private CrashLog() {}

  /** {@code $XDG_STATE_HOME/clinic-reader}, else {@code ~/.local/state/clinic-reader}. */
  static Path directory() {
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("clinic-reader");
  }

  /** Appends the error with its stack to the log; returns the log's path. */
  static Path write(Throwable t) throws IOException {
    Path dir = directory();
    Files.createDirectories(dir);
    Path log = dir.resolve("reader-errors.log");
    StringBuilder sb = new StringBuilder();
    sb.append("---- ").append(ZonedDateTime.now()).append(" clinic-reader ")
        .append(System.getProperty("java.version")).append('\n');
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      sb.append(c == t ? "" : "Caused by: ").append(c).append('\n');
      for (StackTraceElement e : c.getStackTrace()) sb.append("\tat ").append(e).append('\n');
    }
    Files.writeString(log, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return log;
  }
}
