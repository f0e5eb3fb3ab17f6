package clinicreader.content;

import java.nio.file.Path;

/**
 * One finding about a file, printed like a compiler message:
 * {@code articles/x.md:3:7: error: date: not a date "2024-13-45" [front-matter]}.
 * Lines and columns are 1-based; 0 means unknown.
 */
public record Problem(String file, int line, int column, Severity severity, String message, String rule) {

  /** How bad a finding is. */
  public enum Severity {
    ERROR, WARNING;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Problem {
    message = Text.cleanLine(message);
    file = Text.cleanLine(file);
  }

  public static Problem error(Path file, int line, int column, String message, String rule) {
    return new Problem(display(file), line, column, Severity.ERROR, message, rule);
  }

  public static Problem warning(Path file, int line, int column, String message, String rule) {
    return new Problem(display(file), line, column, Severity.WARNING, message, rule);
  }

  /** The working directory, looked up once (a Java process cannot change it). */
  private static final class Cwd {
    static final Path PATH = Path.of("").toAbsolutePath();
  }

  /** A path as the user would type it: relative to the working directory when inside it. */
  public static String display(Path file) {
    if (file == null) return "-";
    try {
      Path cwd = Cwd.PATH;
      Path abs = file.toAbsolutePath().normalize();
      if (abs.startsWith(cwd)) return cwd.relativize(abs).toString();
    } catch (RuntimeException ignored) {
      // fall through to the path as given
    }
    return file.toString();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The location prefix, {@code file:line:col}. */
  public String where() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) sb.append(':').append(column);
    }
    return sb.toString();
  }

  /** {@code file:line:col: message} (used for warnings while reading). */
  public String brief() {
    return where() + ": " + message;
  }

  /** {@code file:line:col: error: message [rule]} (used by check). */
  public String full() {
    return where() + ": " + severity.label() + ": " + message + (rule == null ? "" : " [" + rule + "]");
  }

  @Override
  public String toString() {
    return brief();
  }
}
