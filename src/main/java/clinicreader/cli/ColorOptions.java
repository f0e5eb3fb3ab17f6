package clinicreader.cli;

import clinicreader.layout.LineWriter;
import clinicreader.layout.Theme;
import picocli.CommandLine.Option;

/** --color and --theme, shared by the commands that print styled text. */
public final class ColorOptions {
  /** When to colour output. */
  public enum When { AUTO, ALWAYS, NEVER }

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour: auto (only on a terminal, not with NO_COLOR), always, never.")
  When color = When.AUTO;

  @Option(names = "--theme", paramLabel = "NAME",
      description = "Colour theme: dark (default), light, mono. NO_COLOR forces mono.")
  String theme;

  /** The output format to use. */
  LineWriter.Format format() {
    return switch (color) {
      case ALWAYS -> LineWriter.Format.ANSI;
      case NEVER -> LineWriter.Format.PLAIN;
      case AUTO -> Console.interactive() && !Console.noColor() ? LineWriter.Format.ANSI : LineWriter.Format.PLAIN;
    };
  }

  /** The theme to use; {@code null} when the name is unknown. */
  Theme resolveTheme() {
    if (theme == null) return Console.noColor() ? Theme.mono() : Theme.dark();
    Theme t = Theme.named(theme);
    if (t != null && Console.noColor()) return Theme.mono();
    return t;
  }
}
