package clinicreader.e2e;

import static clinicreader.e2e.TmuxPane.START;
import static clinicreader.e2e.TmuxPane.STEP;
import static clinicreader.e2e.TmuxPane.firstRow;
import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real launcher in a tmux pane at 100x30, driven with send-keys and read back
 * with capture-pane. Every way of quitting must leave the terminal's settings ({@code stty -g}),
 * screen and cursor exactly as they were. Skipped only when tmux is not installed.
 */
class ReaderTerminalIT extends PaneCase {
  @Test
  void readsSectionThreeShowsTheContactAndQuitsCleanly() throws Exception {
    ArticleMeta first = SampleLibrary.firstArticle();
    startReader();
    pane.keys("Enter");
    pane.waitFor("the first article", s -> pane.statusLine(s).contains(first.title().substring(0, 20))
        && pane.statusLine(s).contains("%"), STEP);
    pane.keys("3");
    String heading = SampleLibrary.section(first.outline(), "3");
    List<String> screen = pane.waitFor("section 3 at the top",
        s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading), STEP);
    assertThat(screen.get(28)).contains("3/" + first.outline().topLevelCount());
    pane.keys("c");
    pane.waitFor("the contact panel with the phone", s -> s.stream().anyMatch(l -> l.contains("Phone") && l.contains("555-0142")), STEP);
    pane.keys("c");
    pane.waitFor("the panel closed", s -> s.stream().noneMatch(l -> l.contains("Phone ")), STEP);
    pane.keys("q");
    pane.waitFor("the library", s -> firstRow(s).contains("Quillfield"), STEP);
    pane.keys("q");
    pane.assertRestored(0);
  }

  @Test
  void ctrlCQuitsFromAnArticleAndRestoresTheTerminal() throws Exception {
    startReader();
    pane.keys("Enter");
    pane.waitFor("an article", s -> pane.statusLine(s).contains("%"), STEP);
    pane.keys("C-c");
    pane.assertRestored(0);
  }

  @Test
  void sigtermQuitsAndRestoresTheTerminal() throws Exception {
    startReader();
    pane.keys("Enter");
    pane.waitFor("an article", s -> pane.statusLine(s).contains("%"), STEP);
    ProcessHandle java = pane.shell().children().findFirst().orElseThrow();
    assertThat(java.info().command().orElse("")).endsWith("java");
    java.destroy(); // SIGTERM
    pane.assertRestored(143);
  }

  @Test
  void wideCharactersAndEmojiReachTheRealTerminal() throws Exception {
    pane.type("./clinic-reader read -d src/test/resources/clinicreader/tui/articles wide-text; echo $? > "
        + tmp.resolve("exit.txt"));
    List<String> screen = pane.waitFor("the wide article", s -> pane.statusLine(s).contains("%"), START);
    String line = screen.stream().filter(l -> l.contains("\u6f22\u5b57\u304b")).findFirst().orElseThrow();
    assertThat(line.strip()).isEqualTo("\u6f22\u5b57\u304b\u306a\u4ea4\u3058\u308a\u6587 \uD83D\uDE42 done.");
    assertThat(pane.statusLine(screen)).contains("emoji \uD83D\uDE42").doesNotContain("??");
    pane.keys("q", "q");
    pane.assertRestored(0);
  }

  // ---- helpers

  private void startReader() throws Exception {
    pane.type("./clinic-reader; echo $? > " + tmp.resolve("exit.txt"));
    pane.waitFor("the library", s -> s.stream().anyMatch(l -> l.contains("press c for contact"))
        && firstRow(s).contains("Quillfield"), START);
  }
}
