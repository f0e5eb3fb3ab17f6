package clinicreader.tui;

/** Work the runtime does for the update step (which does no I/O itself). */
public sealed interface Effect {
  /** Read an article; the runtime answers with {@link Intent.Opened} or {@link Intent.OpenFailed}. */
  record OpenArticle(String slug) implements Effect {}

  /** Leave the reader. */
  record Quit() implements Effect {}

  // ---- preview: reloads and the editor (see PreviewUpdate)

  /** Read the open article again; the runtime answers with {@link Intent.Reloaded} or {@link Intent.ReloadFailed}. */
  record Reload(String slug) implements Effect {}

  /**
   * Suspend the screen and run the user's editor on {@code file} at {@code line} (1-based); the
   * runtime answers with {@link Intent.FileChanged} or {@link Intent.EditFailed}.
   */
  record Edit(java.nio.file.Path file, int line) implements Effect {}
}
