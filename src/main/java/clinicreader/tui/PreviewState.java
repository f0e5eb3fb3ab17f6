package clinicreader.tui;

/**
 * Live preview of a draft: when it was last reloaded and the error of a broken save, if any.
 */
public record PreviewState() {
  /** Nothing yet. */
  public static final PreviewState EMPTY = new PreviewState();
}
