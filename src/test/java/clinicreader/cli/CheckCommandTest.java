package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinic-reader check}: paths, output formats, exit codes, and the bundled articles. */
class CheckCommandTest {
  @TempDir Path dir;

  static final Path BROKEN = Path.of("src/test/resources/check/broken");

  void library() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CheckCommandRulesTest.CLINIC);
    Files.writeString(dir.resolve("good.md"), CheckCommandRulesTest.article("Good article", "Intro."));
    Files.writeString(dir.resolve("links.md"), CheckCommandRulesTest.article("Links", "See [it](good.md#beta)."));
  }

  @Test
  void bundledArticlesHaveNoErrors() {
    CliRun r = CliRun.of("check", "--dir", "articles");
    assertThat(r.out()).doesNotContain(": error: ");
    assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).matches("checked \\d+ files: 0 errors, \\d+ warnings?");
    assertThat(r.code()).isZero();
  }

  @Test
  void bundledArticlesAreAllChecked() {
    CliRun r = CliRun.of("check", "--dir", "articles", "--json");
    // eight published articles, one draft and clinic.json
    assertThat(r.out()).contains("\"files\" : 10");
  }

  @Test
  void findingsAreSortedByFileThenLineAndEndWithASummary() {
    CliRun r = CliRun.of("check", BROKEN.toString());
    List<String> lines = r.out().lines().toList();
    List<String> findings = lines.subList(0, lines.size() - 1);
    assertThat(findings).isSortedAccordingTo((a, b) -> {
      String fa = a.substring(0, a.indexOf(':'));
      String fb = b.substring(0, b.indexOf(':'));
      if (!fa.equals(fb)) return fa.compareTo(fb);
      return Integer.compare(lineOf(a), lineOf(b));
    });
    assertThat(lines.get(lines.size() - 1)).isEqualTo("checked 24 files: 22 errors, 6 warnings");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
  }

  static int lineOf(String finding) {
    String[] parts = finding.split(":");
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Test
  void jsonHasTheSameFindingsAndTheCounts() throws Exception {
    CliRun text = CliRun.of("check", BROKEN.toString());
    CliRun json = CliRun.of("check", BROKEN.toString(), "--json");
    assertThat(json.code()).isEqualTo(1);
    JsonNode root = Json.MAPPER.readTree(json.out());
    assertThat(root.get("files").asInt()).isEqualTo(24);
    assertThat(root.get("errors").asInt()).isEqualTo(22);
    assertThat(root.get("warnings").asInt()).isEqualTo(6);
    JsonNode first = root.get("findings").get(0);
    assertThat(first.get("file").asText()).endsWith("broken-anchor.md");
    assertThat(first.get("line").asInt()).isEqualTo(11);
    assertThat(first.get("column").asInt()).isEqualTo(13);
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("rule").asText()).isEqualTo("broken-anchor");
    assertThat(first.get("message").asText()).contains("#gamma");
    List<String> fromJson = new java.util.ArrayList<>();
    for (JsonNode f : root.get("findings")) {
      String where = f.get("file").asText() + (f.get("line").asInt() > 0 ? ":" + f.get("line").asInt()
          + (f.get("column").asInt() > 0 ? ":" + f.get("column").asInt() : "") : "");
      fromJson.add(where + ": " + f.get("severity").asText() + ": " + f.get("message").asText()
          + " [" + f.get("rule").asText() + "]");
    }
    List<String> lines = text.out().lines().toList();
    assertThat(fromJson).isEqualTo(lines.subList(0, lines.size() - 1));
  }

  @Test
  void aPathThatDoesNotExistIsAUsageError() {
    CliRun r = CliRun.of("check", dir.resolve("nope.md").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.md: no such file or directory");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingArticlesDirectoryIsAUsageError() {
    CliRun r = CliRun.of("check", "--dir", dir.resolve("missing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no articles directory");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertThat(CliRun.of("check", "--nope").code()).isEqualTo(2);
  }

  @Test
  void oneFileIsCheckedAgainstItsLibrary() throws Exception {
    library();
    Files.writeString(dir.resolve("other.md"), CheckCommandRulesTest.article("Other", "See [x](missing.md)."));
    CliRun r = CliRun.of("check", "--dir", dir.toString(), dir.resolve("links.md").toString());
    assertThat(r.out()).isEqualTo("checked 1 file: 0 errors, 0 warnings\n");
    assertThat(r.code()).isZero();
    CliRun other = CliRun.of("check", "--dir", dir.toString(), dir.resolve("other.md").toString());
    assertThat(other.out()).contains("other.md:11:9: error: link to missing article \"missing\" [broken-link]")
        .endsWith("checked 1 file: 1 error, 0 warnings\n");
    assertThat(other.code()).isEqualTo(1);
  }

  @Test
  void aFolderOutsideTheArticlesDirectoryIsCheckedAsALibrary() throws Exception {
    library();
    CliRun r = CliRun.of("check", "--dir", dir.resolve("elsewhere").toString(), dir.toString());
    assertThat(r.out()).isEqualTo("checked 3 files: 0 errors, 0 warnings\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void aSubfolderChecksOnlyItsArticles() throws Exception {
    library();
    Files.createDirectories(dir.resolve("costs"));
    Files.writeString(dir.resolve("costs/fees.md"), CheckCommandRulesTest.article("Fees", "See [good](../good.md#alpha)."));
    Files.writeString(dir.resolve("bad.md"), CheckCommandRulesTest.article("Bad", "See [x](missing.md)."));
    CliRun r = CliRun.of("check", "--dir", dir.toString(), dir.resolve("costs").toString());
    assertThat(r.out()).isEqualTo("checked 1 file: 0 errors, 0 warnings\n");
    assertThat(CliRun.of("check", "--dir", dir.toString()).code()).isEqualTo(1);
  }

  @Test
  void strictMakesWarningsErrors() throws Exception {
    library();
    Files.writeString(dir.resolve("keys.md"),
        CheckCommandRulesTest.article("Keys", "colour: blue\n", "Intro.", CheckCommandRulesTest.SECTIONS));
    CliRun lax = CliRun.of("check", "--dir", dir.toString());
    assertThat(lax.out()).contains("keys.md:9:1: warning: unknown front matter key \"colour\"");
    assertThat(lax.code()).isZero();
    CliRun strict = CliRun.of("check", "--dir", dir.toString(), "--strict");
    assertThat(strict.out()).contains("keys.md:9:1: error: unknown front matter key \"colour\"")
        .contains("1 error, 0 warnings");
    assertThat(strict.code()).isEqualTo(1);
  }

  @Test
  void aFileOverTheSizeLimitIsAnError() throws Exception {
    library();
    Files.writeString(dir.resolve("big.md"), CheckCommandRulesTest.article("Big", "Text. ".repeat(100)));
    CliRun r = CliRun.of("check", "--dir", dir.toString(), "--max-bytes", "500");
    assertThat(r.out()).contains("big.md: error: ").contains("over the 500-byte limit").contains("[file]");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void brokenFrontMatterIsAnErrorAndTheBodyIsStillChecked() throws Exception {
    library();
    Files.writeString(dir.resolve("yaml.md"), CheckCommandRulesTest.article("Yaml", "See [x](gone.md).")
        .replace("tags: [test]", "tags: [test"));
    CliRun r = CliRun.of("check", "--dir", dir.toString());
    assertThat(r.out()).contains("yaml.md:7:8: error: invalid YAML").contains("invalid YAML").contains("[front-matter]")
        .contains("yaml.md:11:9: error: link to missing article \"gone\" [broken-link]");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void withoutClinicJsonTheCtaIsMissingAndTheProfileWarned() throws Exception {
    library();
    Files.delete(dir.resolve("clinic.json"));
    CliRun r = CliRun.of("check", "--dir", dir.toString());
    assertThat(r.out()).contains("clinic.json: warning: no clinic.json").contains("[missing-cta]");
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void slugsDifferingOnlyInCaseAreAnError() throws Exception {
    library();
    Files.writeString(dir.resolve("Guide.md"), CheckCommandRulesTest.article("Guide one", "Intro."));
    Path lower = dir.resolve("guide.md");
    if (Files.exists(lower)) return; // a case-insensitive file system cannot hold both
    Files.writeString(lower, CheckCommandRulesTest.article("Guide two", "Intro."));
    CliRun r = CliRun.of("check", "--dir", dir.toString());
    assertThat(r.out()).contains("guide.md: error: slug \"guide\" differs from \"Guide\" only in case; rename one file [duplicate-slug]");
    assertThat(r.code()).isEqualTo(1);
  }
}
