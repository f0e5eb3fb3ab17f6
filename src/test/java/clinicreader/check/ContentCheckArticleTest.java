package clinicreader.check;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.ClinicLoader;
import clinicreader.content.Library;
import clinicreader.content.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checking one loaded article, as a live preview would. */
class ContentCheckArticleTest {
  static final Path BROKEN = Path.of("src/test/resources/check/broken");

  List<Problem> check(String file) throws Exception {
    Library lib = Library.open(BROKEN, ArticleFiles.DEFAULT_MAX_BYTES);
    Article.Loaded loaded = Article.load(BROKEN.resolve(file), file.replace(".md", ""), ArticleFiles.DEFAULT_MAX_BYTES);
    return ContentCheck.article(loaded, lib, ClinicLoader.load(BROKEN).clinic(), false);
  }

  @Test
  void aCleanArticleHasNoFindings() throws Exception {
    assertThat(check("good.md")).isEmpty();
  }

  @Test
  void findsTheArticlesOwnMistakes() throws Exception {
    assertThat(check("broken-anchor.md")).extracting(Problem::full)
        .containsExactly(Problem.display(BROKEN.resolve("broken-anchor.md"))
            + ":11:13: error: no section \"#gamma\" in \"good\" [broken-anchor]");
    assertThat(check("missing-cta.md")).extracting(Problem::rule).containsExactly("missing-cta");
  }

  @Test
  void aLoadProblemIsAnErrorAndTheFrontMatterRulesWait() throws Exception {
    List<Problem> ps = check("front-matter.md");
    assertThat(ps).extracting(Problem::rule).containsExactly("front-matter");
    assertThat(ps.get(0).isError()).isTrue();
  }
}
