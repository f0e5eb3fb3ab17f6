package clinicreader.tui;

/** Work the runtime does for the update step (which does no I/O itself). */
public sealed interface Effect {
  /** Read an article; the runtime answers with {@link Intent.Opened} or {@link Intent.OpenFailed}. */
  record OpenArticle(String slug) implements Effect {}

  /** Leave the reader. */
  record Quit() implements Effect {}

  // ---- memory (reading positions, read marks, bookmarks)

  /**
   * Remember {@code change}; the runtime answers with {@link Intent.Remembered}. A
   * {@code debounced} change (the position while scrolling) is written once scrolling pauses;
   * the others are written at once.
   */
  record Persist(MemoryChange change, boolean debounced) implements Effect {}
}
