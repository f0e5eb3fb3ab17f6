package clinicreader.tui;

/**
 * Finding things (issue: search, tag filter, in-article search, links, history): the library query and its results, the active tag filter, the in-article matches, and the back stack.
 */
public record FindState() {
  /** Nothing yet. */
  public static final FindState EMPTY = new FindState();
}
