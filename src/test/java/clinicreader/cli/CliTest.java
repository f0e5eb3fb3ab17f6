package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands end to end through {@link Main#run}, with captured output and exit codes. */
class CliTest {
  /** The bundled sample library at the repository root. */
  static final Path BUNDLED = Path.of("articles");
  static final List<String> PUBLISHED = List.of(
      "first-treatment-visit", "how-ketamine-works", "ketamine-chronic-pain", "ketamine-kads-trial",
      "ketamine-vs-esketamine", "what-is-treatment-resistant-depression", "costs/insurance-coverage",
      "costs/paying-for-treatment");
  static final String DRAFT = "drafts/aftercare-and-follow-up";

  @TempDir Path tmp;

  /** One run's exit code and captured streams. */
  record Result(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static String bundled() {
    return BUNDLED.toString();
  }

  // ---- render ------------------------------------------------------------------------------

  @Test
  void renderBySlugPrintsTheWholePageWithinTheWidth() {
    Result r = run("render", "how-ketamine-works", "--dir", bundled(), "--width", "60", "--color", "never");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    for (String line : r.outLines()) assertThat(Cells.width(line)).as(line).isLessThanOrEqualTo(60);
    String out = r.out();
    assertThat(r.outLines().get(0)).isEqualTo("How is ketamine thought to relieve depression?");
    assertThat(out).contains("7 October 2025", "min read", "Dr. Ana Whitfield, MD", "#ketamine");
    // numbered contents, and numbered headings in the body
    assertThat(out).contains("Contents\n  1. A different starting point\n  2. Leading ideas, not settled fact");
    assertThat(r.outLines()).contains("1. A different starting point", "6. References");
    // call-to-action box from clinic.json, then references after it
    int cta = out.indexOf("Schedule a free consultation");
    int refs = out.indexOf("\n6. References");
    assertThat(cta).isPositive();
    assertThat(refs).isGreaterThan(cta);
    assertThat(out).contains("Zanos P, Gould TD");
    // related articles with reading time and summary, links listed, disclaimer, crisis notice
    assertThat(out).contains("Related articles", "Is ketamine effective for treatment-resistant");
    assertThat(out).contains("Links\n\u20391\u203a ketamine-kads-trial.md");
    assertThat(out).contains("not medical advice", "988");
    assertThat(out).doesNotContain("\u001b");
  }

  @Test
  void renderByPathGivesTheSamePageAsBySlug() {
    Result bySlug = run("render", "costs/insurance-coverage", "--dir", bundled(), "-w", "60", "--color", "never");
    Result byPath = run("render", BUNDLED.resolve("costs/insurance-coverage.md").toString(), "--dir", bundled(),
        "-w", "60", "--color", "never");
    assertThat(byPath.code()).isZero();
    assertThat(byPath.out()).isEqualTo(bySlug.out()).contains("Contents");
  }

  static Stream<String> everyBundledArticle() {
    List<String> all = new ArrayList<>(PUBLISHED);
    all.add(DRAFT);
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("everyBundledArticle")
  void everyBundledArticleRendersAtNarrowAndWideWidths(String slug) {
    for (int width : new int[] {20, 60, 200}) {
      Result r = run("render", slug, "--dir", bundled(), "--drafts", "--width", "" + width, "--color", "never");
      assertThat(r.code()).as(slug + " " + r.err()).isZero();
      assertThat(r.outLines()).hasSizeGreaterThan(30);
      for (String line : r.outLines()) {
        assertThat(Cells.width(line)).as("%s at %d: %s", slug, width, line).isLessThanOrEqualTo(width);
        assertThat(line.chars().noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F))).isTrue();
      }
      assertThat(r.out()).contains("Contents", "1. ").contains("988");
    }
  }

  @Test
  void colorAlwaysEmitsSgrAndNeverEmitsNone() {
    Result always = run("render", "how-ketamine-works", "--dir", bundled(), "-w", "80", "--color", "always");
    assertThat(always.code()).isZero();
    assertThat(always.out()).containsPattern("\u001b\\[[0-9;]*m").contains("\u001b[0m");
    Result never = run("render", "how-ketamine-works", "--dir", bundled(), "-w", "80", "--color", "never");
    assertThat(never.out()).doesNotContain("\u001b");
    // the same text once the escapes are removed
    assertThat(always.out().replaceAll("\u001b\\[[0-9;]*m", "").lines().map(String::stripTrailing).toList())
        .isEqualTo(never.out().lines().toList());
  }

  @Test
  void unknownArticleIsAUsageError() {
    assertThat(run("render", "../pom", "--dir", bundled()).code()).isEqualTo(Main.USAGE);
    assertThat(run("render", "bad\u0000name", "--dir", bundled()).code()).isEqualTo(Main.USAGE);
    Result r = run("render", "no-such-article", "--dir", bundled());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("no article 'no-such-article'").doesNotContain("Exception");
  }

  @Test
  void widthBelowTheMinimumIsAUsageError() {
    Result r = run("render", "how-ketamine-works", "--dir", bundled(), "--width", "19");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("at least 20");
  }

  @Test
  void badDateRendersTheBodyAndExitsOneWithALocatedMessage() throws IOException {
    Path lib = library();
    Files.writeString(lib.resolve("x.md"), """
        ---
        title: "A broken date"
        date: 2024-13-45
        ---

        ## Only section

        The body is still shown.
        """, StandardCharsets.UTF_8);
    Result r = run("render", "x", "--dir", lib.toString(), "-w", "60", "--color", "never");
    assertThat(r.code()).isEqualTo(Main.CONTENT_PROBLEM);
    assertThat(r.out()).contains("The body is still shown.", "1. Only section");
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err().strip()).endsWith("x.md:3:7: date: not a date \"2024-13-45\"; write it as YYYY-MM-DD");
  }

  @Test
  void missingFrontMatterRendersTheWholeFileAndExitsOne() throws IOException {
    Path lib = library();
    Files.writeString(lib.resolve("bare.md"), "# Just Markdown\n\nNo front matter here.\n", StandardCharsets.UTF_8);
    Result r = run("render", lib.resolve("bare.md").toString(), "--dir", lib.toString(), "--color", "never");
    assertThat(r.code()).isEqualTo(Main.CONTENT_PROBLEM);
    assertThat(r.out()).contains("No front matter here.", "1. Just Markdown");
    assertThat(r.err().strip()).endsWith("bare.md:1:1: no front matter: start the file with a line '---', "
        + "then 'title:' and 'date:', then '---'");
  }

  @Test
  void unterminatedFrontMatterRendersAndExitsOne() throws IOException {
    Path lib = library();
    Files.writeString(lib.resolve("open.md"), "---\ntitle: Never closed\ndate: 2025-01-01\n\nBody text.\n",
        StandardCharsets.UTF_8);
    Result r = run("render", "open", "--dir", lib.toString(), "--color", "never");
    // left out of the library, but its slug still finds it
    assertThat(r.code()).isEqualTo(Main.CONTENT_PROBLEM);
    assertThat(r.out()).contains("Body text.");
    assertThat(run("list", "--dir", lib.toString()).out()).doesNotContain("Never closed");
    Result byPath = run("render", lib.resolve("open.md").toString(), "--dir", lib.toString(), "--color", "never");
    assertThat(byPath.code()).isEqualTo(Main.CONTENT_PROBLEM);
    assertThat(byPath.out()).contains("Body text.");
    assertThat(byPath.err()).contains("open.md:1:1: front matter is not closed").doesNotContain("Exception");
  }

  // ---- list --------------------------------------------------------------------------------

  @Test
  void listLeavesBadFilesOutWithOneWarningLineEach() throws IOException {
    Path lib = library();
    Files.writeString(lib.resolve("x.md"), "---\ntitle: Bad\ndate: 2024-13-45\n---\nBody\n", StandardCharsets.UTF_8);
    Result r = run("list", "--dir", lib.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Good news", "2025-03-04").doesNotContain("Bad");
    List<String> warnings = r.err().lines().toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).endsWith("x.md:3:7: date: not a date \"2024-13-45\"; write it as YYYY-MM-DD");
  }

  @Test
  void listJsonHasEveryPublishedBundledArticleWithItsFields() throws IOException {
    Result r = run("list", "--json", "--dir", bundled());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(list.isArray()).isTrue();
    List<String> slugs = new ArrayList<>();
    list.forEach(a -> slugs.add(a.get("slug").asText()));
    assertThat(slugs).containsExactlyInAnyOrderElementsOf(PUBLISHED);
    String previous = "9999-12-31";
    for (JsonNode a : list) {
      for (String field : List.of("slug", "title", "date", "readingMinutes", "author", "tags", "summary", "path",
          "sections")) {
        assertThat(a.has(field)).as(a.get("slug") + " has " + field).isTrue();
      }
      assertThat(a.get("title").asText()).isNotBlank();
      assertThat(a.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}").isLessThanOrEqualTo(previous);
      previous = a.get("date").asText();
      assertThat(a.get("readingMinutes").asInt()).isPositive();
      assertThat(a.get("tags").isArray()).isTrue();
      assertThat(Files.isRegularFile(Path.of(a.get("path").asText()))).as(a.get("path").asText()).isTrue();
      JsonNode sections = a.get("sections");
      assertThat(sections.size()).isGreaterThan(3);
      assertThat(sections.get(0).get("number").asText()).isEqualTo("1");
      assertThat(sections.get(0).get("title").asText()).isNotBlank();
    }
    JsonNode chronic = find(list, "ketamine-chronic-pain");
    List<String> numbers = new ArrayList<>();
    chronic.get("sections").forEach(s -> numbers.add(s.get("number").asText()));
    assertThat(numbers).containsExactly("1", "2", "3", "4", "4.1", "4.2", "5", "6");
  }

  @Test
  void listDraftsOnlyWhenAsked() throws IOException {
    Result r = run("list", "--json", "--drafts", "--dir", bundled());
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(list.size()).isEqualTo(PUBLISHED.size() + 1);
    assertThat(find(list, DRAFT).get("draft").asBoolean()).isTrue();
    assertThat(run("list", "--dir", bundled()).out()).doesNotContain("aftercare");
    assertThat(run("list", "--drafts", "--dir", bundled()).out()).contains("[DRAFT]", DRAFT);
  }

  @Test
  void listFiltersByTagAndSortsByTitle() throws IOException {
    JsonNode pain = new ObjectMapper().readTree(run("list", "--json", "--tag", "pain", "--dir", bundled()).out());
    assertThat(pain.size()).isEqualTo(1);
    assertThat(pain.get(0).get("slug").asText()).isEqualTo("ketamine-chronic-pain");
    JsonNode byTitle = new ObjectMapper().readTree(run("list", "--json", "--sort", "title", "--dir", bundled()).out());
    List<String> titles = new ArrayList<>();
    byTitle.forEach(a -> titles.add(a.get("title").asText().toLowerCase(java.util.Locale.ROOT)));
    assertThat(titles).hasSize(PUBLISHED.size()).isSorted();
  }

  @Test
  void listTableShowsDatesTitlesAndSlugs() {
    Result r = run("list", "--dir", bundled());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("2025-10-07", "How is ketamine thought to relieve depression?", "how-ketamine-works",
        PUBLISHED.size() + " articles.");
  }

  @Test
  void missingLibraryExplainsHowToPointAtOne() {
    Result r = run("list", "--dir", tmp.resolve("nowhere").toString());
    assertThat(r.code()).isEqualTo(Main.CONTENT_PROBLEM);
    assertThat(r.err()).contains("--dir").contains("CLINIC_READER_DIR");
  }

  // ---- contact -----------------------------------------------------------------------------

  @Test
  void contactShowsTheClinicAndItsCallsToAction() {
    Result r = run("contact", "--dir", bundled());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("Quillfield Wellness Clinic\n")
        .contains("555-0142", "care@example.org", "Schedule a free consultation", "[consultation]",
            "Questions about insurance?", "988");
  }

  @Test
  void contactWithoutProfileWarnsAndUsesDefaults() throws IOException {
    Path lib = library();
    Files.delete(lib.resolve("clinic.json"));
    Result r = run("contact", "--dir", lib.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("clinic.json").contains("no clinic profile");
    assertThat(r.out()).contains("not medical advice");
  }

  @Test
  void brokenProfileNamesFileLineAndColumn() throws IOException {
    Path lib = library();
    Files.writeString(lib.resolve("clinic.json"), "{\n  \"name\": \"X\",\n  \"hours\": 5\n}\n");
    Result r = run("contact", "--dir", lib.toString());
    assertThat(r.err()).containsPattern("clinic\\.json:3:\\d+: hours: ");
  }

  // ---- help, version, usage ----------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"", "render", "list", "contact"})
  void helpAndVersionExitZeroEverywhere(String command) {
    String[] help = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    Result h = run(help);
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("Usage:");
    String[] version = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
    Result v = run(version);
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("clinic-reader ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--no-such-option", "render", "render --width abc x", "list --sort size",
      "render --color sometimes x", "frobnicate"})
  void usageErrorsExitTwo(String args) {
    Result r = run(args.split(" "));
    assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--help").doesNotContain("Exception");
  }

  // ---- fixtures ----------------------------------------------------------------------------

  private Path library() throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Files.writeString(lib.resolve("good.md"), """
        ---
        title: "Good news"
        date: 2025-03-04
        tags: [news]
        ---

        ## First

        Fine.
        """, StandardCharsets.UTF_8);
    Files.writeString(lib.resolve("clinic.json"), """
        {"name": "Fixture Clinic", "phone": "555-0160", "disclaimer": "General information, not medical advice."}
        """, StandardCharsets.UTF_8);
    return lib;
  }

  private static JsonNode find(JsonNode list, String slug) {
    for (JsonNode a : list) if (a.get("slug").asText().equals(slug)) return a;
    throw new AssertionError("no " + slug);
  }
}
