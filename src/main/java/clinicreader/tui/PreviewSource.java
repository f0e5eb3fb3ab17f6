package clinicreader.tui;

import java.time.LocalTime;

/**
 * Reads the open article again for the reader (the I/O behind {@link Effect.Reload}). Answers
 * with {@link Intent.Reloaded}, or {@link Intent.ReloadFailed} carrying a one-line
 * {@code file:line:col: message}; never throws for a bad file.
 */
@FunctionalInterface
public interface PreviewSource {
  Intent reload(String slug);

  /** Reloads through an article source, without a content check (plain reading). */
  static PreviewSource of(ArticleSource source) {
    return slug -> {
      Intent i = source.open(slug);
      LocalTime now = LocalTime.now();
      if (i instanceof Intent.Opened o) return new Intent.Reloaded(o.slug(), o.input(), o.problems(), null, now);
      String message = i instanceof Intent.OpenFailed f ? f.message() : "cannot read the article again";
      return new Intent.ReloadFailed(slug, message, now);
    };
  }
}
