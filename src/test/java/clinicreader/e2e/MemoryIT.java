package clinicreader.e2e;

import static clinicreader.e2e.TmuxPane.START;
import static clinicreader.e2e.TmuxPane.STEP;
import static clinicreader.e2e.TmuxPane.firstRow;
import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real launcher in a tmux pane (100x30) with its own state, config and cache
 * directories, started, quit or killed, and started again. What the reader remembers must
 * survive: the reading position, a bookmark made just before {@code kill -9}, and a garbage state
 * file must not stop it. Skipped only when tmux is not installed.
 */
class MemoryIT extends PaneCase {
  @Test
  void reopeningAnArticleAfterARestartResumesAtSectionThree() throws Exception {
    ArticleMeta first = SampleLibrary.firstArticle();
    String heading = SampleLibrary.section(first.outline(), "3");
    startReader();
    pane.keys("Enter");
    pane.waitFor("the first article", s -> statusLine(s).contains("%"), STEP);
    pane.keys("3");
    pane.waitFor("section 3 at the top", s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading), STEP);
    pane.keys("q");
    pane.waitFor("the library", s -> firstRow(s).contains("Quillfield"), STEP);
    pane.keys("q");
    pane.assertExit(0);

    startReader();
    pane.keys("Enter");
    List<String> screen = pane.waitFor("the article resumed at section 3",
        s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading), STEP);
    assertThat(statusLine(screen)).contains("resumed at 3. " + heading);
    pane.keys("q", "q");
    pane.assertExit(0);
  }

  @Test
  void aBookmarkMadeBeforeKillNineIsThereAfterARestart() throws Exception {
    ArticleMeta first = SampleLibrary.firstArticle();
    String heading = SampleLibrary.section(first.outline(), "3");
    startReader();
    pane.keys("Enter");
    pane.waitFor("the first article", s -> statusLine(s).contains("%"), STEP);
    pane.keys("3");
    pane.waitFor("section 3 at the top", s -> firstRow(s).startsWith("3."), STEP);
    pane.keys("m");
    pane.waitFor("the bookmark message", s -> statusLine(s).contains("bookmarked 3. " + heading), STEP);
    ProcessHandle java = readerProcess();
    java.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(java.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
    // a killed reader leaves the terminal as it was: start over in a fresh pane
    pane.close();
    pane = newPane();

    startReader();
    pane.keys("'");
    List<String> screen = pane.waitFor("the bookmarks list", s -> s.stream().anyMatch(l -> l.contains("Bookmarks")), STEP);
    assertThat(screen).anyMatch(l -> l.contains(first.title().substring(0, 20)) && l.contains("3. " + heading));
    pane.keys("Enter");
    pane.waitFor("the article at its bookmark", s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading)
        && statusLine(s).contains("at bookmark 3."), STEP);
    pane.keys("q", "q");
    pane.assertExit(0);
  }

  @Test
  void aGarbageStateFileIsMovedAsideWithAWarningAndTheReaderWorks() throws Exception {
    Path dir = tmp.resolve("state/clinic-reader");
    Files.createDirectories(dir);
    Files.write(dir.resolve("state.json"), new byte[] {'{', 0x01, (byte) 0xff, 'x', '"'});
    startReader();
    List<String> screen = pane.waitFor("the warning", s -> statusLine(s).contains("not a valid state file"), STEP);
    assertThat(statusLine(screen)).startsWith(" state.json:");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("state.json.corrupt-"));
    }
    pane.keys("Enter");
    pane.waitFor("an article", s -> statusLine(s).contains("%"), STEP);
    pane.keys("q", "q");
    pane.assertExit(0);
    // the new state is good: the next start has nothing to warn about
    startReader();
    assertThat(statusLine(pane.screen())).doesNotContain("state file");
    pane.keys("q");
    pane.assertExit(0);
  }

  // ---- helpers

  private void startReader() throws Exception {
    Files.deleteIfExists(tmp.resolve("exit.txt"));
    pane.type("./clinic-reader; echo $? > " + tmp.resolve("exit.txt"));
    pane.waitFor("the library", s -> s.stream().anyMatch(l -> l.contains("press c for contact"))
        && firstRow(s).contains("Quillfield"), START);
  }

  private ProcessHandle readerProcess() throws Exception {
    ProcessHandle java = pane.shell().children().findFirst().orElseThrow();
    assertThat(java.info().command().orElse("")).endsWith("java");
    return java;
  }

  private String statusLine(List<String> s) {
    return pane.statusLine(s).replace('\u00a0', ' ');
  }
}
