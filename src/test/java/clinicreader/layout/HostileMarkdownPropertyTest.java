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
import clinicreader.testing.Props;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random hostile Markdown (see {@link HostileMarkdown}) through the one layout engine: no
 * exception, no line wider than the width, and no character a terminal could act on in any
 * span or in the written output, plain or coloured (our own SGR sequences aside).
 */
class HostileMarkdownPropertyTest {
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  /** An article body, a hostile line used for every front matter and profile field, a width. */
  record PageCase(String body, String title, int width) {}

  @Test
  void hostileMarkdownLaysOutSafely() {
    Props.check("hostile markdown page", 2000,
        r -> new PageCase(HostileMarkdown.document(r), HostileMarkdown.inline(r, 1 + r.nextInt(12), 3), 1 + r.nextInt(160)),
        c -> assertSafe(PageLayout.layout(input(c.body(), c.title()), c.width(), Theme.dark()),
            Math.max(PageLayout.MIN_WIDTH, c.width())));
  }

  @Test
  void bareDocumentsLayOutSafely() {
    Props.check("hostile markdown document", 500,
        r -> new PageCase(HostileMarkdown.document(r), "", 20 + r.nextInt(81)),
        c -> {
          var doc = Markdown.parse(c.body());
          assertSafe(PageLayout.document(doc, Outline.of(doc, 1), c.width()), c.width());
        });
  }

  @Test
  void cleanedTextHoldsNoUnsafeCharacter() {
    Props.check("cleaned text", 2000,
        r -> r.nextBoolean() ? anyString(r) : HostileMarkdown.inline(r, 1 + r.nextInt(12), 3),
        s -> {
          String line = Text.cleanLine(s);
          assertThat(line).doesNotContain("\n", "\t");
          line.codePoints().forEach(cp -> assertThat(Text.isUnsafe(cp)).as("U+%04X", cp).isFalse());
          assertThat(new Span(s, Style.PLAIN).text()).isEqualTo(line);
        });
  }

  /** Any UTF-16 string: every code point range, lone surrogates included. */
  static String anyString(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(60); i > 0; i--) {
      int kind = r.nextInt(4);
      if (kind == 0) sb.append((char) r.nextInt(0x100));
      else if (kind == 1) sb.append((char) r.nextInt(0x10000));
      else if (kind == 2) sb.appendCodePoint(r.nextInt(0x110000));
      else sb.append((char) (0x2000 + r.nextInt(0x80)));
    }
    return sb.toString();
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
