package clinicreader.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-to-end test with a fresh {@link TmuxPane} (100x30) for each test method, its state,
 * config and cache directories under the test's temporary directory. Skipped when tmux is not
 * installed.
 */
abstract class PaneCase {
  @TempDir Path tmp;
  TmuxPane pane;

  @BeforeAll
  static void needsTmux() {
    assumeTrue(TmuxPane.available(), "tmux is not installed");
  }

  @BeforeEach
  void startPane() throws Exception {
    pane = newPane();
  }

  @AfterEach
  void killServer() throws Exception {
    pane.close();
  }

  /** A new pane on the same temporary directory (so a restart keeps what the reader saved). */
  TmuxPane newPane() throws Exception {
    return new TmuxPane(getClass().getSimpleName(), tmp, 100, 30);
  }
}
