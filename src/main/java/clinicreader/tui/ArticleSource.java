package clinicreader.tui;

/**
 * Reads articles for the reader (the I/O behind {@link Effect.OpenArticle}). Answers with
 * {@link Intent.Opened}, or {@link Intent.OpenFailed} carrying a one-line message; never throws
 * for a bad article.
 */
@FunctionalInterface
public interface ArticleSource {
  Intent open(String slug);
}
