package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.FrontMatter;
import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import clinicreader.content.SourceText;
import clinicreader.content.Text;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random hostile Markdown (see {@link HostileMarkdown}) through the one layout engine: no
 * exception, no line wider than the width, and no character a terminal could act on in any
 * span or in the written output, plain or coloured (our own SGR sequences aside).
 */
class HostileMarkdownPropertyTest {
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  @Provide
  Arbitrary<String> markdown() {
    return Arbitraries.randomValue(HostileMarkdown::document);
  }

  @Provide
  Arbitrary<String> hostileLine() {
    return Arbitraries.randomValue(r -> HostileMarkdown.inline(r, 1 + r.nextInt(12), 3));
  }

  @Property(tries = 2000)
  void hostileMarkdownLaysOutSafely(@ForAll("markdown") String body, @ForAll("hostileLine") String title,
      @ForAll @IntRange(min = 1, max = 160) int width) {
    Page page = PageLayout.layout(input(body, title), width, Theme.dark());
    assertSafe(page, Math.max(PageLayout.MIN_WIDTH, width));
  }

  @Property(tries = 500)
  void bareDocumentsLayOutSafely(@ForAll("markdown") String body, @ForAll @IntRange(min = 20, max = 100) int width) {
    var doc = Markdown.parse(body);
    Page page = PageLayout.document(doc, Outline.of(doc, 1), width);
    assertSafe(page, width);
  }

  @Property(tries = 2000)
  void cleanedTextHoldsNoUnsafeCharacter(@ForAll String any, @ForAll("hostileLine") String hostile) {
    for (String s : List.of(any, hostile)) {
      String line = Text.cleanLine(s);
      assertThat(line).doesNotContain("\n", "\t");
      line.codePoints().forEach(cp -> assertThat(Text.isUnsafe(cp)).as("U+%04X", cp).isFalse());
      assertThat(new Span(s, Style.PLAIN).text()).isEqualTo(line);
    }
  }

  static PageLayout.Input input(String body, String hostile) {
    var doc = Markdown.parse(body);
    Outline outline = Outline.of(doc, 5);
    FrontMatter fm = new FrontMatter(hostile, LocalDate.of(2024, 5, 1), hostile, hostile, List.of(hostile, "tag"),
        List.of(hostile), hostile, hostile.length() % 2 == 0, null, List.of(hostile));
    ArticleMeta meta = new ArticleMeta("x", Path.of("x.md"), fm, ArticleMeta.countWords(body), outline);
    Article article = new Article(meta, doc, outline, 5, new SourceText(body, List.of()));
    Clinic clinic = new Clinic(hostile, hostile, "555-0100", hostile, null, null, List.of(hostile), null,
        List.of(new Clinic.Cta(hostile, hostile, hostile, hostile)), null, null, null, hostile, hostile);
    ArticleMeta related = new ArticleMeta("r", Path.of("r.md"), fm, 10, new Outline(List.of()));
    return new PageLayout.Input(article, clinic, List.of(related));
  }

  static void assertSafe(Page page, int width) {
    for (Line l : page.lines()) {
      assertThat(l.width()).as("line '%s'", l.text()).isLessThanOrEqualTo(width);
      for (Span s : l.spans()) assertNoUnsafe(s.text());
    }
    for (LineWriter.Format f : LineWriter.Format.values()) {
      String out = LineWriter.write(page.lines(), f, Theme.dark());
      String text = f == LineWriter.Format.ANSI ? SGR.matcher(out).replaceAll("") : out;
      assertNoUnsafe(text.replace("\n", ""));
      if (f != LineWriter.Format.MARKUP) {
        for (String line : text.split("\n", -1)) assertThat(Cells.width(line)).isLessThanOrEqualTo(width);
      }
    }
    for (Page.Link link : page.links()) {
      assertNoUnsafe(link.destination());
      assertNoUnsafe(link.text());
    }
  }

  static void assertNoUnsafe(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Text.isUnsafe(cp) || cp == '\t' || cp == '\n') {
        throw new AssertionError(String.format("U+%04X at %d in: %s", cp, i,
            s.substring(Math.max(0, i - 30), Math.min(s.length(), i + 30))));
      }
      i += Character.charCount(cp);
    }
  }

}
