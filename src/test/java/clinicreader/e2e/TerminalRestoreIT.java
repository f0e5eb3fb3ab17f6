package clinicreader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The terminal is given back exactly as it was ({@code stty -g}, main screen, cursor) when the
 * reader is hung up on (SIGHUP, as when the terminal window closes) and when drawing throws
 * (the {@code CLINIC_READER_FAULT=draw} testing hook), and when the library cannot be opened
 * after the terminal was being set up alongside it. Quitting with q, Ctrl-C and SIGTERM is
 * covered by {@code ReaderTerminalIT}. Skipped only when tmux is not installed.
 */
class TerminalRestoreIT extends PaneCase {
  @Test
  void sighupWhileReadingRestoresTheTerminal() throws Exception {
    startReader("");
    pane.keys("Enter");
    pane.waitFor("an article", s -> s.size() > 28 && s.get(28).contains("%"), TmuxPane.STEP);
    ProcessHandle jvm = pane.readerJvm();
    TmuxPane.signal(jvm, "HUP");
    pane.assertRestored(129);
    assertThat(jvm.isAlive()).isFalse();
  }

  @Test
  void anExceptionWhileDrawingRestoresTheTerminalAndNamesTheLog() throws Exception {
    startReader("CLINIC_READER_FAULT=draw ");
    pane.keys("j");
    pane.assertRestored(1);
    Path log = tmp.resolve("state").resolve("clinic-reader").resolve("reader-errors.log");
    List<String> said = pane.capture().stream().filter(l -> l.contains("clinic-reader: unexpected error")).toList();
    assertThat(said).hasSize(1);
    assertThat(said.get(0)).contains("CLINIC_READER_FAULT=draw").endsWith("(details in " + log + ")");
    assertThat(Files.readString(log)).contains("IllegalStateException").contains("\tat clinicreader.tui.TerminalReader");
    assertThat(pane.capture()).noneMatch(l -> l.contains("\tat ") || l.contains("at clinicreader."));
  }

  @Test
  void aLibraryThatCannotBeOpenedGivesTheTerminalBackAndSaysWhy() throws Exception {
    Path missing = tmp.resolve("no-such-folder");
    pane.type("./clinic-reader --dir " + missing + "; echo $? > " + tmp.resolve("exit.txt"));
    pane.assertExit(1);
    pane.waitFor("the message", s -> s.stream().anyMatch(l -> l.contains("no articles directory here")),
        TmuxPane.STEP);
    pane.assertRestored(1);
    // typing is echoed again: the tty is no longer in the reader's raw mode
    pane.type("echo typed-after");
    pane.waitFor("the echo", s -> s.stream().anyMatch(l -> l.equals("typed-after")), TmuxPane.STEP);
  }

  private void startReader(String env) throws Exception {
    pane.type(env + "./clinic-reader; echo $? > " + tmp.resolve("exit.txt"));
    pane.waitFor("the library", s -> s.stream().anyMatch(l -> l.contains("press c for contact")), TmuxPane.START);
  }
}
