package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Without a terminal (as under test), the reader's commands print text instead of drawing. */
class ReadCommandTest {
  private static final String DIR = Path.of("src/test/resources/clinicreader/tui/articles").toString();

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void readPrintsTheArticleWhenStdoutIsNotATerminal() {
    Run r = run("read", "-d", DIR, "long-guide");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("A long guide with twelve sections").contains("Contents").contains("12. Last words")
        .contains("Book a visit").doesNotContain("\u001b[");
  }

  @Test
  void readOfAnUnknownArticleIsAUsageError() {
    Run r = run("read", "-d", DIR, "no-such-article");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("no article 'no-such-article'");
  }

  @Test
  void noCommandPrintsTheListWhenStdoutIsNotATerminal() {
    Run r = run("-d", DIR);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("A long guide with twelve sections").contains("long-guide").contains("2 articles");
  }

  @Test
  void mouseIsAnOption() {
    assertThat(run("read", "--help").out()).contains("--mouse");
    assertThat(run("--help").out()).contains("--mouse");
  }
}
