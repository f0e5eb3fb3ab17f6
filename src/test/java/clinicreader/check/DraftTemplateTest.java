package clinicreader.check;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DraftTemplateTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Paying for treatment|paying-for-treatment",
      "  Ketamine & Esketamine: what's new?  |ketamine-esketamine-what-s-new",
      "Café crème à l'Ørsted|cafe-creme-a-l-orsted",
      "Straße, Œuvre, Łódź|strasse-oeuvre-lodz",
      "10 questions (2026)|10-questions-2026",
      "---Hello---World---|hello-world",
      "日本語|''",
  })
  void slugFromTitle(String title, String slug) {
    assertThat(DraftTemplate.slug(title)).isEqualTo(slug);
  }

  @Test
  void longTitlesAreCutAtAWordBreak() {
    String s = DraftTemplate.slug("What to expect at your first visit and during the weeks of treatment that follow it");
    assertThat(s).isEqualTo("what-to-expect-at-your-first-visit-and-during-the-weeks-of");
    assertThat(s.length()).isLessThanOrEqualTo(DraftTemplate.MAX_SLUG);
    assertThat(DraftTemplate.slug("x".repeat(100))).hasSize(DraftTemplate.MAX_SLUG);
  }

  @Test
  void anySlugIsSafeAsAFileName() {
    Random r = new Random(42);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(90);
      for (int k = 0; k < n; k++) {
        sb.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x3000) : " -_.aZ09/\\:'\"é".charAt(r.nextInt(14)));
      }
      String slug = DraftTemplate.slug(sb.toString());
      assertThat(slug).as("slug of %s", sb).matches("|[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(slug.length()).isLessThanOrEqualTo(DraftTemplate.MAX_SLUG);
    }
  }

  @Test
  void theDraftParsesWithEveryFieldAndTheTitleIntact(@TempDir Path dir) throws Exception {
    String title = "Say \"hello\" \\ to: YAML # not a comment";
    Path f = dir.resolve("x.md");
    Files.writeString(f, DraftTemplate.text(title, List.of("a, b", "pain"), LocalDate.of(2026, 3, 4), "consultation"),
        StandardCharsets.UTF_8);
    Article.Loaded l = Article.load(f, "x", ArticleFiles.DEFAULT_MAX_BYTES);
    assertThat(l.problems()).isEmpty();
    var fm = l.article().meta().front();
    assertThat(fm.title()).isEqualTo(title);
    assertThat(fm.date()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(fm.tags()).containsExactly("a, b", "pain");
    assertThat(fm.related()).isEmpty();
    assertThat(fm.cta()).isEqualTo("consultation");
    assertThat(fm.draft()).isTrue();
    assertThat(fm.author()).startsWith("TODO");
    assertThat(fm.summary()).startsWith("TODO");
    assertThat(fm.unknownKeys()).isEmpty();
    assertThat(l.article().outline().sections()).extracting(s -> s.title())
        .containsExactly("First section", "Second section", "Third section", "References");
  }

  @Test
  void withoutACtaThereIsNoCtaLine() {
    assertThat(DraftTemplate.text("T", List.of(), LocalDate.of(2026, 1, 1), null)).doesNotContain("cta:");
  }
}
