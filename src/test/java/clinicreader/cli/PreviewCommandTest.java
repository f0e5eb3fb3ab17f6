package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview} without a terminal (as under test): the article and the check's findings, printed once. */
class PreviewCommandTest {
  private static final String DIR = Path.of("src/test/resources/clinicreader/tui/articles").toString();
  @TempDir Path tmp;

  private Path draft(String body) throws IOException {
    Path f = tmp.resolve("knee-pain.md");
    Files.writeString(f, "---\ntitle: Knee pain after running\ndate: 2026-11-01\ndraft: true\n"
        + "summary: What helps when your knee hurts after a run.\n---\n\n" + body);
    return f;
  }

  @Test
  void aLooseDraftIsPrintedWithItsFindingsAndLinksAreCheckedBesideIt() throws IOException {
    Path f = draft("## Why knees hurt\n\nLoad rises too fast.\n\n## What to do\n\nSee [costs](costs.md).\n\n"
        + "## References\n\n1. Example.\n");
    CliRun r = CliRun.of("preview", "-d", DIR, f.toString());
    assertThat(r.out()).contains("Knee pain after running").contains("What to do").contains("DRAFT");
    assertThat(r.err()).contains("knee-pain.md:14:").contains("error: link to missing article \"costs\" [broken-link]");
    assertThat(r.code()).isEqualTo(Main.CONTENT_PROBLEM);

    Files.writeString(tmp.resolve("costs.md"), "---\ntitle: Costs\ndate: 2026-01-01\n---\n\n## A\n\nx\n\n## B\n\ny\n");
    CliRun fixed = CliRun.of("preview", "-d", DIR, f.toString());
    assertThat(fixed.err()).doesNotContain("error");
    assertThat(fixed.code()).isZero();
  }

  @Test
  void aFileInTheLibraryIsCheckedAgainstItsClinic() {
    CliRun r = CliRun.of("preview", "-d", DIR, Path.of(DIR, "long-guide.md").toString());
    assertThat(r.out()).contains("A long guide with twelve sections").contains("Book a visit");
    assertThat(r.err()).doesNotContain("[missing-cta]");
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun r = CliRun.of("preview", tmp.resolve("nope.md").toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("no such file").contains("nope.md");
  }

  @Test
  void watchIsOnByDefaultAndCanBeTurnedOff() {
    PreviewCommand on = new PreviewCommand();
    var cl = new picocli.CommandLine(on).setCaseInsensitiveEnumValuesAllowed(true);
    cl.parseArgs("x.md");
    assertThat(on.watch).isTrue();
    PreviewCommand off = new PreviewCommand();
    new picocli.CommandLine(off).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--no-watch", "x.md");
    assertThat(off.watch).isFalse();
    PreviewCommand again = new PreviewCommand();
    new picocli.CommandLine(again).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--watch", "x.md");
    assertThat(again.watch).isTrue();
  }
}
