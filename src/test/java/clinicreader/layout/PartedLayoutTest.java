package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import clinicreader.testing.Props;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A page laid out part by part ({@link PageLayout#write(PageLayout.Parts, int, Theme,
 * java.util.function.Consumer)}, the body cut into many small parts) is the page laid out from
 * the whole tree, line for line and byte for byte; and a scanned outline the parts' headings do
 * not confirm is reported, not printed.
 */
class PartedLayoutTest {
  private static final String[] WORDS = {"dose", "clinic", "the", "*visit*", "**care**", "`code`", "漢字",
      "see <https://example.org/a>", "[link](https://example.org/b)", "![img](https://example.org/c.png)", "[1]",
      "~~old~~", "❤\ufe0f", "#tag", "a_b", "5.", "www.example.org", "a\u00a0b", "x|y"};

  record Case(String body, int width, int partChars) {}

  @Test
  void partedPageEqualsTheWholePage() {
    Props.check("parted page", 300, PartedLayoutTest::generate, c -> {
      PageLayout.Input whole = HostileMarkdownPropertyTest.input(c.body(), "Title");
      List<Line> held = PageLayout.layout(whole, c.width(), Theme.dark()).lines();
      Outline scanned = Outline.scan(c.body(), 5);
      List<Line> parted = new ArrayList<>();
      boolean right = PageLayout.write(parts(whole, scanned, c.body(), c.partChars()), c.width(), Theme.dark(), parted::add);
      // the scan agrees with the parse on these documents: the parted page is always the page
      assertThat(scanned).isEqualTo(whole.article().outline());
      assertThat(right).isTrue();
      assertThat(parted).isEqualTo(held);
    });
  }

  @Test
  void partedTextEqualsTheWholePagesText() {
    Props.check("parted text", 100, PartedLayoutTest::generate, c -> {
      PageLayout.Input whole = HostileMarkdownPropertyTest.input(c.body(), "Title");
      Outline scanned = Outline.scan(c.body(), 5);
      for (LineWriter.Format f : LineWriter.Format.values()) {
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        LineWriter.Sink one = LineWriter.Sink.of(expected, f, Theme.dark());
        PageLayout.write(whole, c.width(), Theme.dark(), one);
        one.finish();
        // as render writes it: held, then appended to the real sink
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        LineWriter.Sink real = LineWriter.Sink.of(got, f, Theme.dark());
        LineWriter.Sink held = real.held();
        assertThat(PageLayout.write(parts(whole, scanned, c.body(), c.partChars()), c.width(), Theme.dark(), held))
            .isTrue();
        held.finish();
        real.append(held);
        real.finish();
        assertThat(got.toString(StandardCharsets.UTF_8)).as("%s", f).isEqualTo(expected.toString(StandardCharsets.UTF_8));
      }
    });
  }

  @Test
  void anOutlineThePartsDoNotConfirmIsReported() {
    String body = "Intro.\n\n## 1. One\n\ntext\n\n## 2. Two\n\ntext [a](https://example.org/a)\n\n## 3. Three\n\ntext\n";
    PageLayout.Input whole = HostileMarkdownPropertyTest.input(body, "Title");
    Outline right = Outline.scan(body, 5);
    assertThat(PageLayout.write(parts(whole, right, body, 10), 60, Theme.dark(), l -> {})).isTrue();
    List<Outline.Section> fewer = new ArrayList<>(right.sections());
    fewer.remove(2);
    assertThat(PageLayout.write(parts(whole, new Outline(fewer), body, 10), 60, Theme.dark(), l -> {})).isFalse();
    List<Outline.Section> renamed = new ArrayList<>(right.sections());
    Outline.Section s = renamed.get(1);
    renamed.set(1, new Outline.Section(s.number(), s.level(), "Other", s.anchor(), s.sourceLine()));
    assertThat(PageLayout.write(parts(whole, new Outline(renamed), body, 10), 60, Theme.dark(), l -> {})).isFalse();
  }

  @Test
  void listNumbersAndLinkMarkersAreFormattedAsByTheFormatter() {
    for (int width = 1; width <= 6; width++) {
      for (int n = 0; n <= 1_200_000; n = n < 2000 ? n + 1 : n * 3 / 2) {
        assertThat(BlockLayout.numberMarker(n, width)).isEqualTo(String.format("%" + width + "d. ", n));
      }
    }
  }

  private static PageLayout.Parts parts(PageLayout.Input whole, Outline outline, String body, int partChars) {
    Article a = whole.article();
    ArticleMeta m = a.meta();
    ArticleMeta meta = new ArticleMeta(m.slug(), m.path(), m.front(), m.words(), outline);
    // a short body may have no cut as far in as partChars: then one at every place allowed
    Markdown.Parts parts = Markdown.parts(body, partChars);
    if (parts == null) parts = Markdown.parts(body, 1);
    assertThat(parts).as("cut").isNotNull();
    assertThat(parts.count()).isGreaterThan(1);
    return new PageLayout.Parts(meta, parts, a.bodyLine(), whole.clinic(), whole::related);
  }

  /**
   * Sections (some of them references, which move below the call-to-action, some numbered by
   * their authors, some with markup and links in their titles) of paragraphs, lists, quotes,
   * tables, indented code and breaks: everything that may be cut between parts.
   */
  static Case generate(Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextBoolean()) sb.append(words(r, 10)).append("\n\n");
    int sections = 2 + r.nextInt(8);
    for (int s = 0; s < sections; s++) {
      String title = switch (r.nextInt(6)) {
        case 0 -> "References";
        case 1 -> (s + 1) + ". " + words(r, 3);
        case 2 -> "*Styled* [title](https://example.org/t) " + words(r, 2);
        case 3 -> "Sources";
        default -> words(r, 3);
      };
      sb.append(r.nextInt(4) == 0 ? "# " : "## ").append(title).append("\n\n");
      for (int b = r.nextInt(7); b >= 0; b--) {
        switch (r.nextInt(10)) {
          case 0 -> sb.append(words(r, 12)).append('\n').append(words(r, 5)).append('\n');
          case 1 -> {
            boolean loose = r.nextBoolean();
            int start = r.nextInt(12);
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
              sb.append(r.nextBoolean() ? "- " : (start++) + ". ").append(words(r, 6)).append('\n');
              if (r.nextInt(3) == 0) sb.append("  - ").append(words(r, 4)).append('\n');
              if (loose) sb.append('\n');
            }
          }
          case 2 -> sb.append("> ").append(words(r, 8)).append('\n').append(words(r, 4)).append('\n');
          case 3 -> sb.append("| a | b |\n|---|:-:|\n| ").append(words(r, 2)).append(" | ").append(words(r, 2)).append(" |\n");
          case 4 -> sb.append("    indented code\n    more\n");
          case 5 -> sb.append("### ").append(r.nextBoolean() ? "2.1 " : "").append(words(r, 3)).append('\n');
          case 6 -> sb.append(words(r, 4)).append("\n\n---\n");
          case 7 -> sb.append(words(r, 5)).append("  \n").append(words(r, 3)).append('\n');
          case 8 -> sb.append(words(r, 3)).append("\n---\n");
          default -> sb.append(words(r, 30)).append('\n');
        }
        sb.append('\n');
      }
    }
    return new Case(sb.toString(), 20 + r.nextInt(110), 1 + r.nextInt(300));
  }

  private static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(' ');
      sb.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
