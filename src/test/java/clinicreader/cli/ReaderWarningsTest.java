package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files the library skipped are told on the reader's status line, before the settings' own warnings. */
class ReaderWarningsTest {
  private static Problem skipped(String name) {
    return Problem.warning(Path.of("lib", name), 1, 1, "no front matter", "front-matter");
  }

  @Test
  void oneSkippedFileIsNamed() {
    List<String> shown = Reader.withSkipped(List.of(skipped("a.md")), List.of("config.json: bad theme"));
    assertThat(shown).hasSize(2);
    assertThat(shown.get(0)).startsWith("Skipped a file: ").contains("a.md:1:1: no front matter");
    assertThat(shown.get(1)).isEqualTo("config.json: bad theme");
  }

  @Test
  void manySkippedFilesAreCountedWithTheFirstNamed() {
    List<String> shown = Reader.withSkipped(List.of(skipped("a.md"), skipped("b.md"), skipped("c.md")), List.of());
    assertThat(shown).containsExactly("Skipped 3 files ('clinic-reader check' lists them): "
        + skipped("a.md").brief());
    assertThat(Reader.withSkipped(List.of(), List.of("w"))).containsExactly("w");
  }
}
