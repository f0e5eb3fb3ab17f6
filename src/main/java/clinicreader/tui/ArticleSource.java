package clinicreader.tui;

/**
 * Reads articles for the reader (the I/O behind {@link Effect.OpenArticle}). Answers with
 * {@link Intent.Opened}, or {@link Intent.OpenFailed} carrying a one-line message; never throws
 * for a bad article.
 */
@FunctionalInterface
public interface ArticleSource {
  Intent open(String slug);

  // ---- finding (FindSource): the library's search index and the links between its articles

  /** Builds the search index of the articles this source reads (slow); null when it has none. */
  default clinicreader.search.SearchIndex searchIndex() {
    return null;
  }

  /** The slug of the article a link written in {@code fromSlug} leads to; empty when none (or outside the library). */
  default java.util.Optional<String> resolveLink(String fromSlug, String target) {
    return java.util.Optional.empty();
  }
}
