package clinicreader.tui;

import clinicreader.content.Problem;
import clinicreader.layout.PageLayout;
import java.time.LocalTime;
import java.util.List;

/** What the reader wants to happen, decoded from a key or delivered by an effect. */
public sealed interface Intent {
  /** One line (or list entry) down ({@code +}) or up ({@code -}). */
  record Move(int delta) implements Intent {}

  /** A page down ({@code +1}) or up ({@code -1}). */
  record Page(int direction) implements Intent {}

  /** Half a page down ({@code +1}) or up ({@code -1}). */
  record HalfPage(int direction) implements Intent {}

  /** To the top. */
  record Top() implements Intent {}

  /** To the end. */
  record Bottom() implements Intent {}

  /** Open the selected article (library) or jump to the selected entry (sidebar). */
  record Select() implements Intent {}

  /** Back: close the article, or quit from the library. */
  record Back() implements Intent {}

  /** Quit from anywhere. */
  record Quit() implements Intent {}

  /** Switch the library's order between date and title. */
  record ToggleSort() implements Intent {}

  /** Show or hide the contents sidebar. */
  record ToggleSidebar() implements Intent {}

  /** Move the focus between the text and the contents sidebar. */
  record ToggleFocus() implements Intent {}

  /** Put the heading of section {@code number} ("3", "2.1") at the top of the screen. */
  record JumpSection(String number) implements Intent {}

  /** Next ({@code +1}) or previous ({@code -1}) section. */
  record StepSection(int direction) implements Intent {}

  /** Open the one-line prompt. */
  record OpenPrompt(Prompt.Kind kind) implements Intent {}

  /** A character typed into the prompt. */
  record PromptInput(String text) implements Intent {}

  /** Delete the prompt's last character (closes an empty prompt). */
  record PromptBackspace() implements Intent {}

  /** Submit the prompt. */
  record PromptSubmit() implements Intent {}

  /** Close the overlay, prompt or sidebar focus. */
  record Cancel() implements Intent {}

  /** Open or close the contact panel. */
  record ToggleContact() implements Intent {}

  /** Open or close the key help. */
  record ToggleHelp() implements Intent {}

  /** The terminal has a new size. */
  record Resize(int width, int height) implements Intent {}

  /** The mouse wheel turned: {@code delta} lines. */
  record Wheel(int delta) implements Intent {}

  /** A mouse click at a cell. */
  record Click(int col, int row) implements Intent {}

  /** An article was read (result of {@link Effect.OpenArticle}); {@code problems} are one-line notes. */
  record Opened(String slug, PageLayout.Input input, List<String> problems) implements Intent {
    public Opened {
      problems = List.copyOf(problems);
    }
  }

  /** An article could not be read (result of {@link Effect.OpenArticle}). */
  record OpenFailed(String slug, String message) implements Intent {}

  // ---- preview: live reload, the editor, the content check's findings (see PreviewUpdate)

  /** The open article's file changed on disk (posted by the file watcher, or after the editor). */
  record FileChanged() implements Intent {}

  /**
   * The open article was read again (result of {@link Effect.Reload}, also a live preview's first
   * load): {@code problems} are broken front matter ({@code file:line:col: message}),
   * {@code findings} the content check's ({@code null} when not checked), {@code at} the time.
   */
  record Reloaded(String slug, PageLayout.Input input, List<String> problems, List<Problem> findings,
      LocalTime at) implements Intent {
    public Reloaded {
      problems = List.copyOf(problems);
      findings = findings == null ? null : List.copyOf(findings);
    }
  }

  /** The open article could not be read again; {@code message} is {@code file:line:col: message}. */
  record ReloadFailed(String slug, String message, LocalTime at) implements Intent {}

  /** Open the article in the user's editor at the current section. */
  record Edit() implements Intent {}

  /** The editor could not be started (one line), or exited with an error. */
  record EditFailed(String message) implements Intent {}

  /** Open or close the list of the content check's findings. */
  record ToggleFindings() implements Intent {}
}
