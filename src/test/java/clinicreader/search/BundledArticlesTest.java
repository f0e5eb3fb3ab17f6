package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleFiles;
import clinicreader.content.Library;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search on the sample library shipped in {@code articles/}. */
class BundledArticlesTest {
  @Test
  void midazolamFindsTheKadsArticleWithTheWordInItsSnippet() throws Exception {
    SearchIndex index = SearchIndex.build(Library.open(Path.of("articles"), ArticleFiles.DEFAULT_MAX_BYTES), false);
    List<Result> rs = index.query("midazolam");
    Result kads = rs.stream().filter(r -> r.slug().equals("ketamine-kads-trial")).findFirst().orElseThrow();
    Snippet s = kads.snippet();
    assertThat(s.text().toLowerCase(java.util.Locale.ROOT)).contains("midazolam");
    assertThat(s.matches()).isNotEmpty();
    assertThat(s.width()).isLessThanOrEqualTo(80);
    assertThat(kads.location().hasSection()).isTrue();
    assertThat(kads.location().text().toLowerCase(java.util.Locale.ROOT)).isEqualTo("midazolam");
  }

  @Test
  void insurFindsTheInsuranceArticleFirst() throws Exception {
    SearchIndex index = SearchIndex.build(Library.open(Path.of("articles"), ArticleFiles.DEFAULT_MAX_BYTES), false);
    assertThat(index.query("insur").get(0).slug()).isEqualTo("costs/insurance-coverage");
    assertThat(index.query("insur").stream().map(Result::slug)).doesNotContain("drafts/aftercare-and-follow-up");
  }
}
