package clinicreader.tui;

/** Work the runtime does for the update step (which does no I/O itself). */
public sealed interface Effect {
  /** Read an article; the runtime answers with {@link Intent.Opened} or {@link Intent.OpenFailed}. */
  record OpenArticle(String slug) implements Effect {}

  /** Leave the reader. */
  record Quit() implements Effect {}

  // ---- finding (FindRuntime carries these out)

  /** Build the library's search index; answered with {@link Intent.IndexReady}, off the input thread when it can. */
  record BuildIndex() implements Effect {}

  /** Open a search result at its best match: answered with {@link Intent.MatchLocated}, then the article. */
  record OpenAtMatch(String slug, clinicreader.search.Result result) implements Effect {}

  /** Resolve a link written in article {@code fromSlug}; answered with {@link Intent.LinkResolved}. */
  record ResolveLink(String fromSlug, String target) implements Effect {}

  /** Open an external address with $BROWSER (detached, never through a shell); answered with {@link Intent.Browsed}. */
  record Browse(String url) implements Effect {}

  // ---- memory (reading positions, read marks, bookmarks)

  /**
   * Remember {@code change}; the runtime answers with {@link Intent.Remembered}. A
   * {@code debounced} change (the position while scrolling) is written once scrolling pauses;
   * the others are written at once.
   */
  record Persist(MemoryChange change, boolean debounced) implements Effect {}

  // ---- preview: reloads and the editor (see PreviewUpdate)

  /** Read the open article again; the runtime answers with {@link Intent.Reloaded} or {@link Intent.ReloadFailed}. */
  record Reload(String slug) implements Effect {}

  /**
   * Suspend the screen and run the user's editor on {@code file} at {@code line} (1-based); the
   * runtime answers with {@link Intent.FileChanged} or {@link Intent.EditFailed}.
   */
  record Edit(java.nio.file.Path file, int line) implements Effect {}
}
