package clinicreader.cli;

import clinicreader.content.Problem;
import clinicreader.content.Text;
import clinicreader.layout.Theme;
import clinicreader.state.Settings;
import clinicreader.state.StateStore;
import clinicreader.tui.ReadingMemory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the reader looks and what it remembers, as chosen: the command line beats
 * {@code config.json}, which beats the defaults; {@code NO_COLOR} forces mono over all of them.
 * Also opens the reading state ({@code state.json}). Problems with either file are warnings for
 * the status line, never a reason not to start.
 */
final class Preferences {
  final Settings settings;
  final Theme theme;
  final List<String> warnings;

  private Preferences(Settings settings, Theme theme, List<String> warnings) {
    this.settings = settings;
    this.theme = theme;
    this.warnings = new ArrayList<>(warnings);
  }

  /**
   * The settings from the config file with the command line's choices on top; {@code null} (after
   * a message on {@code err}) for an unknown theme or a max width out of range.
   */
  static Preferences resolve(ColorOptions colors, Integer maxWidth, Map<String, String> env, PrintWriter err) {
    Path file = Settings.defaultFile(env);
    Settings.Loaded loaded = Settings.load(file);
    Settings s = loaded.settings();
    if (colors.theme != null) {
      Theme named = Theme.named(colors.theme);
      if (named == null) {
        err.println("clinic-reader: unknown theme '" + Text.cleanLine(colors.theme) + "'; use one of "
            + String.join(", ", Theme.NAMES));
        return null;
      }
      s = s.withTheme(named.name());
    }
    if (maxWidth != null) {
      if (maxWidth < Settings.MIN_MAX_WIDTH || maxWidth > Settings.MAX_MAX_WIDTH) {
        err.println("clinic-reader: --max-width must be from " + Settings.MIN_MAX_WIDTH + " to " + Settings.MAX_MAX_WIDTH);
        return null;
      }
      s = s.withMaxWidth(maxWidth);
    }
    s = s.withEnvironment(env);
    Theme theme = colors.color == ColorOptions.When.NEVER ? Theme.mono() : Theme.named(s.theme());
    List<String> warnings = new ArrayList<>();
    for (String w : loaded.warnings()) warnings.add(shorten(w, file));
    return new Preferences(s, theme, warnings);
  }

  /** The reading state from {@code $XDG_STATE_HOME}; a warning about it joins {@link #warnings}. */
  ReadingMemory memory(Map<String, String> env) {
    StateStore store = new StateStore(StateStore.defaultDir(env));
    store.load().ifPresent(w -> warnings.add(shorten(w, store.file())));
    return new ReadingMemory(store);
  }

  /** The width to print at: the terminal's (or {@code --width}), at most the max width. */
  int printWidth(Integer width) {
    return width != null ? width : Math.min(Console.width(), settings.maxWidth());
  }

  /** A warning as the status line shows it: the file by its name, not its whole path. */
  static String shorten(String warning, Path file) {
    String shown = Problem.display(file);
    if (warning.startsWith(shown + ":")) return file.getFileName() + warning.substring(shown.length());
    return warning;
  }
}
