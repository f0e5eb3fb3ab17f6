package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.Library;
import clinicreader.content.Outline;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import java.util.List;

/**
 * Everything the reader shows, as one immutable value: which screen, the terminal size, the
 * library list, the open article (page, scroll position, sidebar), an overlay, the prompt and a
 * one-key message. {@link Update} makes new states; the screens only read them.
 */
public record ReaderState(
    Screen screen,
    int width,
    int height,
    Clinic clinic,
    LibraryView library,
    ArticleView article,
    Overlay overlay,
    int overlayTop,
    Prompt prompt,
    String message,
    FindState find,
    MemoryState memory,
    PreviewState preview) {

  /** The two screens. */
  public enum Screen { LIBRARY, ARTICLE }

  /** What is drawn over the screen. */
  public enum Overlay { NONE, HELP, CONTACT,
    /** Finding (FindPanels): the tag list, the page's link list, an external link's address. */
    TAGS, LINKS, LINK,
    /** Memory (MemoryPanels): bookmarks across articles, recently read articles. */
    BOOKMARKS, RECENT,
    /** Preview: the content check's findings for the previewed file. */
    FINDINGS }

  /** The article list: entries in the chosen order, the selected one, the first one shown. */
  public record LibraryView(List<ArticleMeta> items, int selected, int top, Library.Sort sort) {
    public LibraryView {
      items = List.copyOf(items);
    }

    public ArticleMeta current() {
      return items.isEmpty() ? null : items.get(Math.max(0, Math.min(selected, items.size() - 1)));
    }
  }

  /**
   * The open article: its layout input (kept to lay it out again on resize), the page at the
   * current width, the first line shown, the sidebar (shown, chosen by the reader rather than by
   * width, focused, selected entry) and a lasting notice (such as a front matter problem).
   */
  public record ArticleView(
      String slug,
      PageLayout.Input input,
      Page page,
      int top,
      boolean sidebar,
      boolean sidebarChosen,
      boolean sidebarFocus,
      int sidebarSelected,
      String notice) {

    public Outline outline() {
      return input.article().outline();
    }

    /** The index of the section at the top of the screen (-1 above the first). */
    public int section() {
      return page.sectionAt(top);
    }

    public ArticleView top(int t) {
      return new ArticleView(slug, input, page, t, sidebar, sidebarChosen, sidebarFocus, sidebarSelected, notice);
    }

    public ArticleView page(Page p, int t) {
      return new ArticleView(slug, input, p, t, sidebar, sidebarChosen, sidebarFocus, sidebarSelected, notice);
    }

    public ArticleView sidebar(boolean shown, boolean chosen, boolean focus, int selected) {
      return new ArticleView(slug, input, page, top, shown, chosen, focus, selected, notice);
    }
  }

  /** The reader on the library screen. */
  public static ReaderState library(Clinic clinic, List<ArticleMeta> items, int width, int height) {
    List<ArticleMeta> sorted = items.stream().sorted(Library.Sort.DATE.comparator()).toList();
    return new ReaderState(Screen.LIBRARY, width, height, clinic,
        new LibraryView(sorted, 0, 0, Library.Sort.DATE), null, Overlay.NONE, 0, null, null, FindState.EMPTY, MemoryState.EMPTY, PreviewState.EMPTY);
  }

  public ReaderState with(LibraryView l) {
    return new ReaderState(screen, width, height, clinic, l, article, overlay, overlayTop, prompt, message, find, memory, preview);
  }

  public ReaderState with(ArticleView a) {
    return new ReaderState(screen, width, height, clinic, library, a, overlay, overlayTop, prompt, message, find, memory, preview);
  }

  public ReaderState screen(Screen s) {
    return new ReaderState(s, width, height, clinic, library, article, overlay, overlayTop, prompt, message, find, memory, preview);
  }

  public ReaderState size(int w, int h) {
    return new ReaderState(screen, w, h, clinic, library, article, overlay, overlayTop, prompt, message, find, memory, preview);
  }

  public ReaderState overlay(Overlay o, int t) {
    return new ReaderState(screen, width, height, clinic, library, article, o, t, prompt, message, find, memory, preview);
  }

  public ReaderState prompt(Prompt p) {
    return new ReaderState(screen, width, height, clinic, library, article, overlay, overlayTop, p, message, find, memory, preview);
  }

  public ReaderState with(FindState f) {
    return new ReaderState(screen, width, height, clinic, library, article, overlay, overlayTop, prompt, message, f, memory, preview);
  }

  public ReaderState with(MemoryState m) {
    return new ReaderState(screen, width, height, clinic, library, article, overlay, overlayTop, prompt, message, find, m, preview);
  }

  public ReaderState with(PreviewState p) {
    return new ReaderState(screen, width, height, clinic, library, article, overlay, overlayTop, prompt, message, find, memory, p);
  }

  public ReaderState message(String m) {
    return new ReaderState(screen, width, height, clinic, library, article, overlay, overlayTop, prompt, m, find, memory, preview);
  }
}
