package clinicreader.tui;

/** Work the runtime does for the update step (which does no I/O itself). */
public sealed interface Effect {
  /** Read an article; the runtime answers with {@link Intent.Opened} or {@link Intent.OpenFailed}. */
  record OpenArticle(String slug) implements Effect {}

  /** Leave the reader. */
  record Quit() implements Effect {}
}
