package clinicreader.cli;

import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import clinicreader.tui.Intent;
import clinicreader.tui.ReaderState;
import clinicreader.tui.ReaderWarmup;
import java.io.IOException;
import java.util.List;

/** Extra warm-up steps from other packages (the terminal UI adds its own drawing here). */
final class Warmups {
  private Warmups() {}

  static void run(PageLayout.Input input) throws IOException {
    // the reader draws the library and the article on a virtual terminal, pressing the common keys
    ReaderState library = ReaderState.library(input.clinic(), List.of(input.article().meta()), 120, 40);
    ReaderWarmup.run(library, new Intent.Opened(input.article().meta().slug(), input, List.of()), Theme.dark());
  }
}
