package clinicreader.state;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.Clinic;
import clinicreader.content.Outline;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionTest {
  private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
  private static final List<String> ANCHORS = List.of("intro", "methods", "results");

  @Test
  void aLineIsItsSectionAndTheDistanceFromItsStart() {
    List<Integer> starts = List.of(10, 20, 35);
    assertThat(Position.of(ANCHORS, starts, 24, AT)).isEqualTo(new Position("methods", 4, AT));
    assertThat(Position.of(ANCHORS, starts, 35, AT)).isEqualTo(new Position("results", 0, AT));
    assertThat(Position.of(ANCHORS, starts, 3, AT)).isEqualTo(new Position("", 3, AT));
    assertThat(new Position("methods", 4, AT).toLine(ANCHORS, starts)).isEqualTo(24);
    assertThat(new Position("", 3, AT).toLine(ANCHORS, starts)).isEqualTo(3);
  }

  @Test
  void mapsBackToTheSameLineForEveryLineOfAPage() {
    List<Integer> starts = List.of(10, 20, 20, 35);
    List<String> anchors = List.of("a", "b", "c", "d");
    for (int line = 0; line < 60; line++) {
      assertThat(Position.of(anchors, starts, line, AT).toLine(anchors, starts)).as("line %d", line).isEqualTo(line);
    }
  }

  @Test
  void aVanishedSectionFallsBackToTheTop() {
    assertThat(new Position("discussion", 7, AT).toLine(ANCHORS, List.of(10, 20, 35))).isZero();
  }

  @Test
  void anOffsetStaysInsideASectionThatGotShorter() {
    assertThat(new Position("methods", 40, AT).toLine(ANCHORS, List.of(10, 20, 35))).isEqualTo(34);
    assertThat(new Position("", 40, AT).toLine(ANCHORS, List.of(10, 20, 35))).isEqualTo(9);
    assertThat(new Position("results", 40, AT).toLine(ANCHORS, List.of(10, 20, 35))).isEqualTo(75);
  }

  @Test
  void sectionsOutOfPageOrderAreStillFound() {
    // a layout may move a section (references) to the end of the page
    List<String> anchors = List.of("a", "references", "c");
    List<Integer> starts = List.of(10, 80, 30);
    assertThat(Position.of(anchors, starts, 45, AT)).isEqualTo(new Position("c", 15, AT));
    assertThat(Position.of(anchors, starts, 85, AT)).isEqualTo(new Position("references", 5, AT));
    assertThat(new Position("c", 70, AT).toLine(anchors, starts)).isEqualTo(79);
  }

  private static final String ARTICLE = """
      ---
      title: "A study of rest"
      date: 2025-01-10
      ---

      Opening words about the study.

      ## Background

      Why the question matters, in a paragraph long enough to wrap over a few lines at the
      width used in this test, which is narrow on purpose.

      ## Methods

      How the study was done. Participants were asked to rest, and their rest was measured
      carefully, over several weeks, by people who did not know which group they were in.

      ## Results

      First result paragraph, which says something about the numbers that were found.

      Second result paragraph, the one the reader was in the middle of when they stopped.
      It goes on for a while so that it takes more than one line on the page.

      Third result paragraph.
      """;

  @Test
  void survivesAParagraphInsertedAboveIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("study.md");
    Files.writeString(file, ARTICLE);
    Page before = layout(file);
    Outline outline = load(file).outline();
    List<String> anchors = outline.sections().stream().map(Outline.Section::anchor).toList();
    int results = outline.indexOfAnchor("results");
    int line = lineContaining(before, "Second result paragraph");
    Position kept = Position.of(anchors, before.sectionLines(), line, AT);
    assertThat(kept.sectionAnchor()).isEqualTo("results");
    assertThat(kept.lineInSection()).isEqualTo(line - before.sectionLines().get(results));

    Files.writeString(file, ARTICLE.replace("Opening words about the study.",
        "Opening words about the study.\n\nA new paragraph added above, long enough that it wraps onto more than "
            + "one line of the page at this width, pushing everything below it down.\n\n## A new section\n\nMore text."));
    Page after = layout(file);
    List<String> anchorsAfter = load(file).outline().sections().stream().map(Outline.Section::anchor).toList();
    int moved = kept.toLine(anchorsAfter, after.sectionLines());

    assertThat(moved).isGreaterThan(line);
    assertThat(after.lines().get(moved).text()).contains("Second result paragraph");
    assertThat(after.lines().get(moved).text()).isEqualTo(before.lines().get(line).text());
  }

  private static Article load(Path file) throws Exception {
    return Article.load(file, "study", ArticleFiles.DEFAULT_MAX_BYTES).article();
  }

  private static Page layout(Path file) throws Exception {
    return PageLayout.layout(new PageLayout.Input(load(file), Clinic.defaults(), List.of()), 40, Theme.mono());
  }

  private static int lineContaining(Page page, String text) {
    for (int i = 0; i < page.size(); i++) if (page.lines().get(i).text().contains(text)) return i;
    throw new AssertionError("no line contains " + text);
  }
}
