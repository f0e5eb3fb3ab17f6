package clinicreader.tui;

import clinicreader.search.Location;
import clinicreader.search.SearchIndex;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Carries out the finding effects for a {@link ReaderSession}: builds the search index (on its
 * own thread when running in the background, posting the result for the input loop to pick up),
 * locates a result's best match, resolves links through the {@link ArticleSource}, and hands
 * external addresses to the browser.
 */
final class FindRuntime {
  private final ArticleSource source;
  private final ConcurrentLinkedQueue<Intent> posted = new ConcurrentLinkedQueue<>();
  private final String browser;
  private volatile boolean background;

  FindRuntime(ArticleSource source, String browser) {
    this.source = source;
    this.browser = browser;
  }

  /** Builds the index on its own thread from now on (the terminal runtime; tests build it at once). */
  void background(boolean on) {
    background = on;
  }

  boolean handles(Effect e) {
    return e instanceof Effect.BuildIndex || e instanceof Effect.OpenAtMatch || e instanceof Effect.ResolveLink
        || e instanceof Effect.Browse;
  }

  /** Carries out a finding effect; answers go to {@code now} (in order) or, from a thread, to the posted queue. */
  void run(Effect e, Consumer<Intent> now) {
    if (e instanceof Effect.BuildIndex) {
      if (!background) {
        now.accept(new Intent.IndexReady(build()));
        return;
      }
      Thread t = new Thread(() -> posted.add(new Intent.IndexReady(build())), "clinic-reader-index");
      t.setDaemon(true);
      t.start();
    } else if (e instanceof Effect.OpenAtMatch m) {
      int section = -1;
      try {
        Location loc = m.result().location();
        section = loc.sectionIndex();
      } catch (RuntimeException ex) {
        // an article that cannot be read again opens at its top
      }
      now.accept(new Intent.MatchLocated(m.slug(), m.result().query().text(), section));
      now.accept(source.open(m.slug()));
    } else if (e instanceof Effect.ResolveLink r) {
      Optional<String> slug;
      try {
        slug = source.resolveLink(r.fromSlug(), r.target());
      } catch (RuntimeException ex) {
        slug = Optional.empty();
      }
      now.accept(new Intent.LinkResolved(r.target(), slug.orElse(null)));
    } else if (e instanceof Effect.Browse b) {
      now.accept(new Intent.Browsed(b.url(), Browser.open(browser, b.url())));
    }
  }

  private SearchIndex build() {
    try {
      return source.searchIndex();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The next answer posted from another thread, or null. */
  Intent poll() {
    return posted.poll();
  }
}
