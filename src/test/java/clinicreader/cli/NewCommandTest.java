package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinic-reader new}: a draft that passes check with warnings only, never overwriting. */
class NewCommandTest {
  @TempDir Path dir;

  @BeforeEach
  void library() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CheckCommandRulesTest.CLINIC);
    Files.writeString(dir.resolve("good.md"), CheckCommandRulesTest.article("Good article", "Intro."));
  }

  @Test
  void writesADraftAtTheSlugAndPrintsItsPath() throws Exception {
    CliRun r = CliRun.of("new", "Café & costs: a guide", "--tag", "costs", "--tag", "insurance", "--dir", dir.toString());
    assertThat(r.code()).isZero();
    Path f = dir.resolve("cafe-costs-a-guide.md");
    assertThat(r.out().strip()).isEqualTo(f.toString());
    String text = Files.readString(f);
    assertThat(text).startsWith("---\ntitle: \"Café & costs: a guide\"\ndate: " + LocalDate.now() + "\n")
        .contains("\ntags: [\"costs\", \"insurance\"]\n", "\nrelated: []\n", "\ncta: \"consultation\"\n",
            "\ndraft: true\n---\n", "\n## References\n")
        .containsPattern("author: \"TODO")
        .containsPattern("summary: \"TODO");
    assertThat(text.lines().filter(l -> l.startsWith("## ")).count()).isEqualTo(4);
  }

  @Test
  void theNewDraftPassesCheckWithWarningsOnly() {
    CliRun created = CliRun.of("new", "Sleep and recovery", "--dir", dir.toString());
    assertThat(created.code()).isZero();
    CliRun r = CliRun.of("check", "--dir", dir.toString());
    assertThat(r.out()).doesNotContain(": error: ").contains("[placeholder]");
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).matches("checked 3 files: 0 errors, \\d+ warnings");
    assertThat(r.code()).isZero();
    assertThat(CliRun.of("check", "--dir", dir.toString(), "--strict").code()).isEqualTo(1);
  }

  @Test
  void neverOverwritesAnExistingFile() throws Exception {
    Path f = dir.resolve("good-article.md");
    Files.writeString(f, "precious");
    CliRun r = CliRun.of("new", "Good Article!", "--dir", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("good-article.md already exists; not overwritten");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(f)).isEqualTo("precious");
  }

  @Test
  void theDraftIsHiddenFromListUnlessDraftsAreAskedFor() {
    CliRun.of("new", "Hidden work", "--dir", dir.toString());
    assertThat(CliRun.of("list", "--dir", dir.toString()).out()).doesNotContain("Hidden work").contains("Good article");
    assertThat(CliRun.of("list", "--dir", dir.toString(), "--drafts").out()).contains("[DRAFT] Hidden work")
        .contains("hidden-work");
  }

  @Test
  void aTitleWithoutLatinLettersGetsADatedName() {
    CliRun r = CliRun.of("new", "日本語", "--dir", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(dir.resolve("article-" + LocalDate.now() + ".md")).exists();
  }

  @Test
  void anEmptyTitleOrMissingDirectoryIsAUsageError() {
    assertThat(CliRun.of("new", "  ", "--dir", dir.toString()).code()).isEqualTo(2);
    CliRun r = CliRun.of("new", "Title", "--dir", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no articles directory");
    assertThat(CliRun.of("new").code()).isEqualTo(2);
  }
}
