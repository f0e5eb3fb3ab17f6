package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.Library;
import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: every {@code golden/X.md} is laid out at widths 40 and 80 with the style markup
 * writer and compared with {@code X.40.txt} and {@code X.80.txt}; {@code golden/page/} holds a
 * small library whose article page is compared with {@code page.40.txt} and {@code page.80.txt}.
 * A missing expected file, or an expected file without its input, fails.
 *
 * <p>To rewrite the expected files after an intended change, run
 * {@code mvn -B test -Dtest=GoldenLayoutTest -Dgolden.update=true} and review the diff.
 */
class GoldenLayoutTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final Path PAGE_DIR = DIR.resolve("page");
  private static final int[] WIDTHS = {40, 80};
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> documents() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path md : inputs()) {
      String name = stem(md);
      for (int w : WIDTHS) {
        tests.add(DynamicTest.dynamicTest(name + " at " + w, () -> {
          // read raw (not via SourceText), so the layout's own cleaning is what is tested
          String source = Files.readString(md, StandardCharsets.UTF_8);
          Node doc = Markdown.parse(source);
          Page page = PageLayout.document(doc, Outline.of(doc, 1), w);
          check(DIR.resolve(name + "." + w + ".txt"), render(page, w));
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> articlePage() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int w : WIDTHS) {
      tests.add(DynamicTest.dynamicTest("page at " + w, () -> {
        Library lib = Library.open(PAGE_DIR, 1 << 20);
        assertThat(lib.warnings()).isEmpty();
        Clinic clinic = ClinicLoader.load(PAGE_DIR).clinic();
        ArticleMeta meta = lib.bySlug("article").orElseThrow();
        Article a = lib.load(meta).article();
        List<ArticleMeta> related = lib.related(meta, 3, false);
        Page page = PageLayout.layout(new PageLayout.Input(a, clinic, related), w, Theme.dark());
        check(PAGE_DIR.resolve("page." + w + ".txt"), render(page, w));
      }));
    }
    return tests.stream();
  }

  /** Every expected file must belong to an input and a width we lay out. */
  @Test
  void everyGoldenFileIsPaired() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    for (Path md : inputs()) for (int w : WIDTHS) expected.add(stem(md) + "." + w + ".txt");
    TreeSet<String> found = new TreeSet<>();
    try (Stream<Path> s = Files.list(DIR)) {
      s.filter(p -> p.toString().endsWith(".txt")).forEach(p -> found.add(p.getFileName().toString()));
    }
    assertThat(inputs()).as("golden inputs").hasSizeGreaterThanOrEqualTo(10);
    if (!UPDATE) assertEquals(expected, found, "golden .txt files must pair with golden .md inputs");
    TreeSet<String> pageFiles = new TreeSet<>();
    try (Stream<Path> s = Files.list(PAGE_DIR)) {
      s.filter(p -> p.toString().endsWith(".txt")).forEach(p -> pageFiles.add(p.getFileName().toString()));
    }
    if (!UPDATE) assertEquals(new TreeSet<>(List.of("page.40.txt", "page.80.txt")), pageFiles);
  }

  private static String render(Page page, int width) {
    for (Line l : page.lines()) {
      assertThat(l.width()).as("line %s", l.text()).isLessThanOrEqualTo(width);
    }
    return LineWriter.write(page.lines(), LineWriter.Format.MARKUP, Theme.dark());
  }

  private static void check(Path expectedFile, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expectedFile)) {
      fail("missing golden file " + expectedFile + " (create it with -Dgolden.update=true and review it)");
    }
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, "golden " + expectedFile);
  }

  private static List<Path> inputs() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static String stem(Path md) {
    String n = md.getFileName().toString();
    return n.substring(0, n.length() - 3);
  }
}
