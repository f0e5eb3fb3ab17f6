package clinicreader.tui;

import clinicreader.content.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The user's editor: {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}, split on spaces
 * (no shell), given {@code +LINE FILE} when it is one that understands that.
 */
final class ExternalEditor {
  /** Editors that take {@code +LINE} before the file. */
  private static final Set<String> PLUS_LINE = Set.of("vi", "vim", "nvim", "view", "vim.basic", "vim.tiny",
      "elvis", "nvi", "gvim", "mvim", "nano", "pico", "rnano", "emacs", "emacsclient", "mg", "jed", "joe",
      "jmacs", "jstar", "kak", "micro", "ne", "jove", "zile");

  private ExternalEditor() {}

  /** The command line for {@code file} at {@code line}; {@code visual} and {@code editor} may be null. */
  static List<String> command(String visual, String editor, Path file, int line) {
    String chosen = visual != null && !visual.isBlank() ? visual
        : editor != null && !editor.isBlank() ? editor : "vi";
    List<String> cmd = new ArrayList<>(List.of(chosen.strip().split("\\s+")));
    String name = Path.of(cmd.get(0)).getFileName().toString().toLowerCase(Locale.ROOT);
    if (PLUS_LINE.contains(name) && line > 0) cmd.add("+" + line);
    cmd.add(file.toString());
    return cmd;
  }

  /** The command line from this process's environment. */
  static List<String> command(Path file, int line) {
    return command(System.getenv("VISUAL"), System.getenv("EDITOR"), file, line);
  }

  /**
   * Runs the editor in the foreground on this terminal and waits for it. Answers
   * {@link Intent.FileChanged} (the article is read again whatever the editor's exit status),
   * or {@link Intent.EditFailed} when it cannot be started.
   */
  static Intent run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).inheritIO().start();
      p.waitFor();
      return new Intent.FileChanged();
    } catch (IOException e) {
      String why = e.getMessage() == null ? "" : e.getMessage()
          .replaceFirst("^Cannot run program \"[^\"]*\"(: )?", "").replaceFirst("^error=\\d+, ", "");
      return new Intent.EditFailed("Cannot start the editor '" + Text.cleanLine(cmd.get(0)) + "'"
          + (why.isBlank() ? "" : ": " + Text.cleanLine(why)) + " (set $VISUAL or $EDITOR)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Intent.FileChanged();
    }
  }
}
