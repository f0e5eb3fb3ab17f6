package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ClinicLoader;
import clinicreader.layout.LineWriter;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} of a long article (laid out part by part) prints the page laid out from the
 * whole tree; so does a long article whose scanned outline the parts do not confirm (laid out
 * whole again), and one that cannot be cut at all.
 */
class RenderLongArticleTest {
  @TempDir Path dir;

  @Test
  void longArticlesPrintTheWholePage() throws Exception {
    String body = body(new Random(7));
    assertThat(body.length()).isGreaterThan(1 << 19);
    check("parts", body);
    // a heading the outline scan misses: the parts disagree with the scanned contents
    check("unconfirmed", body + "\n- item\n ## Indented heading\n\ntext after\n");
    // a fence could reach over a cut: no parts
    check("whole", body + "\n```\ncode\n```\n");
  }

  private void check(String slug, String body) throws Exception {
    // a folder each: no article is related to another
    Path lib = Files.createDirectories(dir.resolve(slug));
    Files.copy(Path.of("articles", "clinic.json"), lib.resolve("clinic.json"));
    Path file = lib.resolve(slug + ".md");
    Files.writeString(file, "---\ntitle: \"Long " + slug + "\"\ndate: 2025-03-04\ntags: [long]\n---\n" + body,
        StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"render", "--dir", lib.toString(), "--color", "never", "-w", "72", slug},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    Article.Loaded whole = Article.load(file, slug, 1L << 30);
    PageLayout.Input in = new PageLayout.Input(whole.article(), ClinicLoader.load(lib).clinic(), List.of());
    String expected = LineWriter.write(PageLayout.layout(in, 72, Theme.dark()).lines(), LineWriter.Format.PLAIN, Theme.dark());
    assertThat(out.toString()).as(slug).isEqualTo(expected);
    assertThat(out.toString()).contains("Links").contains("References");
  }

  /** About 600 KB of sections: paragraphs with links, lists, quotes, tables, and references in the middle. */
  private static String body(Random r) {
    String[] words = {"dose", "clinic", "the", "*visit*", "**care**", "`code`", "漢字", "[link](https://example.org/b)",
        "see <https://example.org/a>", "![img](https://example.org/c.png)", "❤\ufe0f", "www.example.org"};
    StringBuilder sb = new StringBuilder("Intro text.\n\n");
    for (int s = 1; sb.length() < 600_000; s++) {
      sb.append(s % 97 == 0 ? "## References" : "## " + s + ". Section " + s).append("\n\n");
      for (int b = 0; b < 6; b++) {
        switch (r.nextInt(5)) {
          case 0 -> sb.append("- ").append(words(r, words, 5)).append("\n- ").append(words(r, words, 4)).append('\n');
          case 1 -> sb.append("> ").append(words(r, words, 9)).append('\n');
          case 2 -> sb.append("| a | b |\n|---|---|\n| ").append(words(r, words, 2)).append(" | x |\n");
          case 3 -> sb.append("### Sub ").append(b).append('\n');
          default -> sb.append(words(r, words, 40)).append('\n');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String words(Random r, String[] words, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(i > 0 ? " " : "").append(words[r.nextInt(words.length)]);
    return sb.toString();
  }
}
