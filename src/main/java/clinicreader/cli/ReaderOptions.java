package clinicreader.cli;

import picocli.CommandLine.Option;

/** Options of the terminal reader. */
public final class ReaderOptions {
  @Option(names = "--mouse", description = "Use the mouse: the wheel scrolls, clicks open articles and jump to "
      + "sections (the terminal's own text selection then needs Shift).")
  boolean mouse;

  @Option(names = "--max-width", paramLabel = "N", description = "Widest text column, centred on wider terminals "
      + "(default: maxWidth in config.json, else 100).")
  Integer maxWidth;
}
