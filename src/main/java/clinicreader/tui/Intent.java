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

  // ---- finding: search, tag filter, links, related articles, history (FindUpdate)

  /** Next ({@code +1}) or previous ({@code -1}) search match in the article. */
  record NextMatch(int direction) implements Intent {}

  /** Open the tag list, to filter the library by a tag. */
  record PickTag() implements Intent {}

  /** Open the list of the page's links. */
  record ShowLinks() implements Intent {}

  /** Jump to the related articles at the end and focus the first. */
  record FocusRelated() implements Intent {}

  /** Back to the previous article, at the line it was left on (the library when there is none). */
  record HistoryBack() implements Intent {}

  /** The library's search index is built (result of {@link Effect.BuildIndex}); null when there is none. */
  record IndexReady(clinicreader.search.SearchIndex index) implements Intent {}

  /** Where the best match of a search result is (result of {@link Effect.OpenAtMatch}), before it opens. */
  record MatchLocated(String slug, String query, int sectionIndex) implements Intent {}

  /** A link was resolved (result of {@link Effect.ResolveLink}); {@code slug} is null when it leads to no article. */
  record LinkResolved(String target, String slug) implements Intent {}

  /** An external link was handed to the browser (result of {@link Effect.Browse}); {@code note} says how it went. */
  record Browsed(String url, String note) implements Intent {}

  // ---- memory (reading positions, read marks, bookmarks, recent)

  /** Bookmark the section at the top of the screen, or remove its bookmark. */
  record ToggleBookmark() implements Intent {}

  /** Open (or close) the list of bookmarks across articles. */
  record OpenBookmarks() implements Intent {}

  /** Open (or close) the list of recently read articles. */
  record OpenRecent() implements Intent {}

  /** Mark the selected article read or unread. */
  record ToggleRead() implements Intent {}

  /** Show only bookmarked articles in the library, or all again. */
  record ToggleBookmarkedOnly() implements Intent {}

  /** Delete the chosen entry of a list (a bookmark). */
  record DeleteEntry() implements Intent {}

  /**
   * What the reader remembers now (result of {@link Effect.Persist}), and a one-line warning
   * when it could not be saved ({@code null} if it was).
   */
  record Remembered(clinicreader.state.ReaderState saved, String warning) implements Intent {}

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
