package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import clinicreader.search.SearchIndex;
import java.util.Optional;

/**
 * An {@link ArticleSource} that also knows its library: it builds the search index and resolves
 * links between articles with {@link Library#resolveLink}, which never leaves the articles
 * directory. Drafts are found and linked to only when they are shown.
 */
public final class FindSource implements ArticleSource {
  private final ArticleSource articles;
  private final Library library;
  private final boolean drafts;

  private FindSource(ArticleSource articles, Library library, boolean drafts) {
    this.articles = articles;
    this.library = library;
    this.drafts = drafts;
  }

  /** {@code articles} with search and links over {@code library}. */
  public static ArticleSource of(ArticleSource articles, Library library, boolean drafts) {
    return new FindSource(articles, library, drafts);
  }

  @Override
  public Intent open(String slug) {
    return articles.open(slug);
  }

  @Override
  public SearchIndex searchIndex() {
    return SearchIndex.build(library, drafts);
  }

  @Override
  public Optional<String> resolveLink(String fromSlug, String target) {
    ArticleMeta from = fromSlug == null ? null : library.bySlug(fromSlug).orElse(null);
    return library.resolveLink(from, target)
        .filter(m -> drafts || !m.front().draft())
        .map(ArticleMeta::slug);
  }
}
