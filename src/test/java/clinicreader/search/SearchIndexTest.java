package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleFiles;
import clinicreader.content.Library;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
  static final Path FIXTURE = Path.of("src/test/resources/search/library");
  static Library library;
  static SearchIndex index;

  @BeforeAll
  static void open() throws Exception {
    library = Library.open(FIXTURE, ArticleFiles.DEFAULT_MAX_BYTES);
    index = SearchIndex.build(library, false);
  }

  static List<String> slugs(List<Result> rs) {
    return rs.stream().map(Result::slug).toList();
  }

  @Test
  void titleMatchesRankFirstThenTagsSummaryAndBody() {
    List<Result> rs = index.query("insurance");
    assertThat(slugs(rs)).containsExactly("insurance-basics", "costs/coverage-by-tag", "summary-match", "body-match");
    assertThat(rs.get(0).field()).isEqualTo(Field.TITLE);
    assertThat(rs.get(1).field()).isEqualTo(Field.TAGS);
    assertThat(rs.get(2).field()).isEqualTo(Field.SUMMARY);
    assertThat(rs.get(3).field()).isEqualTo(Field.BODY);
    assertThat(rs.get(0).score()).isGreaterThan(rs.get(1).score());
    assertThat(rs.get(0).titleMatches()).containsExactly(new Snippet.Range(0, 9));
  }

  @Test
  void draftsOnlyWhenAskedFor() {
    assertThat(slugs(index.query("insurance"))).doesNotContain("draft-note");
    assertThat(slugs(SearchIndex.build(library, true).query("insurance"))).contains("draft-note");
  }

  @Test
  void caseAndAccentsAreIgnoredBothWays() {
    assertThat(slugs(index.query("cafe"))).containsExactly("cafe-guide");
    assertThat(slugs(index.query("CAFÉ"))).containsExactly("cafe-guide");
    assertThat(slugs(index.query("ésketamina"))).containsExactly("esketamina");
    assertThat(slugs(index.query("ESPANOL"))).containsExactly("esketamina");
    Result r = index.query("cafe").get(0);
    Snippet.Range t = r.titleMatches().get(0);
    assertThat(r.title().substring(t.start(), t.end())).isEqualTo("Café");
  }

  @Test
  void severalWordsMeanAllOfThem() {
    assertThat(slugs(index.query("remission"))).containsExactly("results-article");
    assertThat(slugs(index.query("insurance remission"))).isEmpty();
    assertThat(slugs(index.query("insurance receipts"))).containsExactly("body-match");
    assertThat(slugs(index.query("receipts insurance"))).containsExactly("body-match");
  }

  @Test
  void theWordsMatchAsPrefixesAsYouType() {
    assertThat(slugs(index.query("insur"))).isEqualTo(slugs(index.query("insurance")));
    assertThat(slugs(index.query("remis"))).containsExactly("results-article");
    assertThat(slugs(index.query("receipts insur"))).containsExactly("body-match");
    // a prefix only matches at the start of a word
    assertThat(slugs(index.query("surance"))).isEmpty();
  }

  @Test
  void emptyOrUnknownQueriesFindNothing() {
    assertThat(index.query("")).isEmpty();
    assertThat(index.query("  !! ")).isEmpty();
    assertThat(index.query("zyzzyva")).isEmpty();
  }

  @Test
  void theBestMatchKnowsItsSection() {
    Result r = index.query("remission").get(0);
    Location loc = r.location();
    assertThat(loc.sectionNumber()).isEqualTo("3");
    assertThat(loc.sectionTitle()).isEqualTo("Results");
    assertThat(loc.anchor()).isEqualTo("results");
    assertThat(loc.sectionIndex()).isEqualTo(2);
    assertThat(loc.sectionLabel()).isEqualTo("3. Results");
    assertThat(loc.text()).isEqualTo("remission");

    Location sub = index.query("table").get(0).location();
    assertThat(sub.sectionNumber()).isEqualTo("3.1");
    assertThat(sub.sectionLabel()).isEqualTo("3.1 Side effects");
  }

  @Test
  void aMatchBeforeTheFirstHeadingHasNoSection() {
    Location loc = index.query("authorisation").get(0).location();
    assertThat(loc.hasSection()).isFalse();
    assertThat(loc.text()).isEqualTo("authorisation");
  }

  @Test
  void snippetsHoldTheMatchWithinTheWidth() {
    for (int width : new int[] {24, 40, 60, 80}) {
      Result r = index.query("remission").get(0);
      Snippet s = r.snippet(width);
      assertThat(s.width()).as("width %d: %s", width, s.text()).isLessThanOrEqualTo(width);
      assertThat(s.matches()).hasSize(1);
      Snippet.Range m = s.matches().get(0);
      assertThat(s.text().substring(m.start(), m.end())).isEqualTo("remission");
      assertThat(s.text()).startsWith(Snippet.ELLIPSIS).endsWith(Snippet.ELLIPSIS);
    }
  }

  @Test
  void aBodySnippetHighlightsEveryQueryWord() {
    Snippet s = index.query("insurance receipts").get(0).snippet(200);
    List<String> marked = s.matches().stream().map(m -> s.text().substring(m.start(), m.end())).toList();
    assertThat(marked).containsExactly("insurance", "receipts", "insurance", "Insurance");
  }

  @Test
  void aTitleOnlyMatchShowsTheSummary() {
    Result r = index.query("caffeine").get(0);
    assertThat(r.location().field()).isEqualTo(Field.TITLE);
    assertThat(r.snippet().text()).isEqualTo("Whether a morning coffee is fine before treatment.");
  }

  @Test
  void accentedSnippetMatchesCoverTheWholeLetter() {
    Snippet s = index.query("cafe con").get(0).snippet();
    List<String> marked = s.matches().stream().map(m -> s.text().substring(m.start(), m.end())).toList();
    assertThat(marked).containsExactly("café", "con");
  }
}
