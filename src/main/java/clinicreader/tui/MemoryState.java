package clinicreader.tui;

/**
 * What the reader remembers across runs (reading positions, read marks, bookmarks, recent articles), as the screens need it.
 */
public record MemoryState() {
  /** Nothing yet. */
  public static final MemoryState EMPTY = new MemoryState();
}
