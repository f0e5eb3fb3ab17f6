package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Cells;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search output fits the terminal even when a title, slug or heading is thousands of characters. */
class SearchLongLinesTest {
  @TempDir Path dir;

  @Test
  void longTitleAndHeadingAreCutButTheSlugStays() throws Exception {
    String title = "Pain ".repeat(2000) + "\u4e2d".repeat(500);
    Files.writeString(dir.resolve("long.md"), "---\ntitle: " + title + "\ndate: 2024-05-01\n---\n\n## "
        + "Heading ".repeat(2000) + "\n\npain relief here\n");
    Files.writeString(dir.resolve("s" + "x".repeat(200) + ".md"), "---\ntitle: " + title
        + "\ndate: 2024-05-01\n---\n\npain\n");
    SearchCommandTest.Run r = SearchCommandTest.run("search", "--dir", dir.toString(), "pain");
    assertThat(r.code()).isZero();
    int columns = HostileCorpusTest.SEARCH_WIDTH;
    for (String line : r.out().split("\n")) {
      assertThat(Cells.width(line)).as(line.length() > 200 ? line.substring(0, 200) : line)
          .isLessThanOrEqualTo(columns);
    }
    assertThat(r.out()).contains("\u2026  long\n").contains("    1. Heading Heading").contains("\u2026\n")
        .contains("s" + "x".repeat(20));
  }
}
