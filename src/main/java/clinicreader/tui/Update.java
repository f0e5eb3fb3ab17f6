package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import clinicreader.content.Outline;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.util.List;

/**
 * The reader's update step: {@code apply(state, intent)} gives the next state and the effects
 * for the runtime to carry out. No I/O happens here (laying out a page is pure), so every key
 * can be tested without a terminal.
 */
public final class Update {
  /** A new state and what the runtime should do next. */
  public record Step(ReaderState state, List<Effect> effects) {
    public Step {
      effects = List.copyOf(effects);
    }

    static Step of(ReaderState s) {
      return new Step(s, List.of());
    }
  }

  private final Keymap keymap;
  private final Theme theme;
  private final int maxWidth;
  // finding: search, tags, links, related articles, history
  private final FindUpdate find = new FindUpdate(this);

  /** An update step laying pages out in {@code theme} at most {@code maxWidth} cells wide. */
  public Update(Keymap keymap, Theme theme, int maxWidth) {
    this.keymap = keymap;
    this.theme = theme;
    this.maxWidth = Math.max(20, maxWidth);
  }

  public int maxWidth() {
    return maxWidth;
  }

  Theme theme() {
    return theme;
  }

  /** The geometry of the article screen in a state. */
  public Geometry geometry(ReaderState s) {
    boolean sidebar = s.article() != null && s.article().sidebar();
    return Geometry.article(s.width(), s.height(), sidebar, maxWidth);
  }

  public Step apply(ReaderState state, Intent intent) {
    if (intent == null) return Step.of(state);
    // finding (FindUpdate) takes its own intents, prompts and overlays first
    Step found = find.apply(state, intent);
    if (found != null) return found;
    if (intent instanceof Intent.Quit) return new Step(state, List.of(new Effect.Quit()));
    // ---- preview: live reload, editor, findings (PreviewUpdate)
    Step preview = PreviewUpdate.apply(this, state, intent);
    if (preview != null) return preview;
    if (intent instanceof Intent.Resize r) return Step.of(resize(state, r.width(), r.height()));
    if (intent instanceof Intent.Opened o) return Step.of(opened(state, o));
    if (intent instanceof Intent.OpenFailed f) return Step.of(state.message(f.message()));
    ReaderState s = state.message(null);
    if (s.prompt() != null) return Step.of(prompt(s, intent));
    if (s.overlay() != ReaderState.Overlay.NONE) return Step.of(overlay(s, intent));
    if (intent instanceof Intent.ToggleContact) return Step.of(s.overlay(ReaderState.Overlay.CONTACT, 0));
    if (intent instanceof Intent.ToggleHelp) return Step.of(s.overlay(ReaderState.Overlay.HELP, 0));
    if (s.screen() == ReaderState.Screen.LIBRARY || s.article() == null) {
      Step e = libraryEffects(s, intent);
      return e != null ? e : Step.of(library(s, intent));
    }
    return Step.of(article(s, intent));
  }

  // ---- overlays and prompt

  private ReaderState overlay(ReaderState s, Intent intent) {
    int lines = Panels.lines(s, keymap).size();
    Panels.Box box = Panels.box(s.width(), s.height(), lines);
    int page = Math.max(1, box.visibleLines() - 1);
    int top = s.overlayTop();
    if (intent instanceof Intent.Move m) return s.overlay(s.overlay(), clamp(top + m.delta(), 0, box.maxTop(lines)));
    if (intent instanceof Intent.Wheel w) return s.overlay(s.overlay(), clamp(top + w.delta(), 0, box.maxTop(lines)));
    if (intent instanceof Intent.Page p) return s.overlay(s.overlay(), clamp(top + p.direction() * page, 0, box.maxTop(lines)));
    if (intent instanceof Intent.Cancel || intent instanceof Intent.Back) return s.overlay(ReaderState.Overlay.NONE, 0);
    if (intent instanceof Intent.ToggleContact) {
      return s.overlay(s.overlay() == ReaderState.Overlay.CONTACT ? ReaderState.Overlay.NONE : ReaderState.Overlay.CONTACT, 0);
    }
    if (intent instanceof Intent.ToggleHelp) {
      return s.overlay(s.overlay() == ReaderState.Overlay.HELP ? ReaderState.Overlay.NONE : ReaderState.Overlay.HELP, 0);
    }
    return s;
  }

  private ReaderState prompt(ReaderState s, Intent intent) {
    Prompt p = s.prompt();
    if (intent instanceof Intent.PromptInput in) return p.text().length() >= 12 ? s : s.prompt(p.typed(in.text()));
    if (intent instanceof Intent.PromptBackspace) return p.text().isEmpty() ? s.prompt(null) : s.prompt(p.erased());
    if (intent instanceof Intent.Cancel) return s.prompt(null);
    if (intent instanceof Intent.PromptSubmit) {
      ReaderState closed = s.prompt(null);
      String text = p.text().strip();
      if (text.isEmpty()) return closed;
      return switch (p.kind()) {
        case SECTION -> closed.article() == null ? closed : jump(closed, text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
        case SEARCH, LINK -> closed; // FindUpdate handles these prompts
      };
    }
    return s;
  }

  // ---- library

  private ReaderState library(ReaderState s, Intent intent) {
    ReaderState.LibraryView l = s.library();
    int n = l.items().size();
    int visible = Geometry.library(s.height()).visibleItems();
    if (intent instanceof Intent.Move m) return select(s, l.selected() + m.delta());
    if (intent instanceof Intent.Wheel w) return select(s, l.selected() + Integer.signum(w.delta()));
    if (intent instanceof Intent.Page p) return select(s, l.selected() + p.direction() * visible);
    if (intent instanceof Intent.HalfPage p) return select(s, l.selected() + p.direction() * Math.max(1, visible / 2));
    if (intent instanceof Intent.Top) return select(s, 0);
    if (intent instanceof Intent.Bottom) return select(s, n - 1);
    if (intent instanceof Intent.ToggleSort) {
      Library.Sort sort = l.sort() == Library.Sort.DATE ? Library.Sort.TITLE : Library.Sort.DATE;
      ArticleMeta cur = l.current();
      List<ArticleMeta> items = l.items().stream().sorted(sort.comparator()).toList();
      int sel = cur == null ? 0 : Math.max(0, items.indexOf(cur));
      ReaderState next = s.with(new ReaderState.LibraryView(items, sel, l.top(), sort));
      return select(next, sel).message("Sorted by " + (sort == Library.Sort.DATE ? "date, newest first" : "title"));
    }
    if (intent instanceof Intent.Click c) {
      Geometry.LibraryRows rows = Geometry.library(s.height());
      int r = c.row() - rows.listTop();
      if (r < 0 || r >= rows.visibleItems() * 2) return s;
      int idx = l.top() + r / 2;
      if (idx >= n) return s;
      return select(s, idx);
    }
    return s;
  }

  /** Library intents that lead to effects. */
  private Step libraryEffects(ReaderState s, Intent intent) {
    ArticleMeta cur = s.library().current();
    if (intent instanceof Intent.Back) return new Step(s, List.of(new Effect.Quit()));
    if (intent instanceof Intent.Select && cur != null) {
      return new Step(s.message("Opening " + cur.title() + "\u2026"), List.of(new Effect.OpenArticle(cur.slug())));
    }
    if (intent instanceof Intent.Click c && isListRow(s, c.row())) {
      ReaderState sel = library(s, intent);
      return new Step(sel, List.of(new Effect.OpenArticle(sel.library().current().slug())));
    }
    return null;
  }

  private static boolean isListRow(ReaderState s, int row) {
    Geometry.LibraryRows rows = Geometry.library(s.height());
    int r = row - rows.listTop();
    return r >= 0 && r < rows.visibleItems() * 2 && s.library().top() + r / 2 < s.library().items().size();
  }

  private static ReaderState select(ReaderState s, int index) {
    ReaderState.LibraryView l = s.library();
    int n = l.items().size();
    int sel = n == 0 ? 0 : clamp(index, 0, n - 1);
    int visible = Geometry.library(s.height()).visibleItems();
    int top = l.top();
    if (sel < top) top = sel;
    if (sel >= top + visible) top = sel - visible + 1;
    top = clamp(top, 0, Math.max(0, n - visible));
    return s.with(new ReaderState.LibraryView(l.items(), sel, top, l.sort()));
  }

  // ---- article

  private ReaderState article(ReaderState s, Intent intent) {
    ReaderState.ArticleView a = s.article();
    Geometry g = geometry(s);
    int rows = g.bodyRows();
    List<Outline.Section> sections = a.outline().sections();
    if (a.sidebarFocus()) {
      if (intent instanceof Intent.Move m) return s.with(a.sidebar(true, a.sidebarChosen(), true,
          clamp(a.sidebarSelected() + m.delta(), 0, Math.max(0, sections.size() - 1))));
      if (intent instanceof Intent.Top) return s.with(a.sidebar(true, a.sidebarChosen(), true, 0));
      if (intent instanceof Intent.Bottom) return s.with(a.sidebar(true, a.sidebarChosen(), true, Math.max(0, sections.size() - 1)));
      if (intent instanceof Intent.Select) {
        if (sections.isEmpty()) return s.with(a.sidebar(true, a.sidebarChosen(), false, 0));
        ReaderState j = jump(s, sections.get(clamp(a.sidebarSelected(), 0, sections.size() - 1)).number());
        return j.with(j.article().sidebar(true, a.sidebarChosen(), false, j.article().sidebarSelected()));
      }
      if (intent instanceof Intent.ToggleFocus || intent instanceof Intent.Cancel) {
        return s.with(a.sidebar(a.sidebar(), a.sidebarChosen(), false, a.sidebarSelected()));
      }
    }
    if (intent instanceof Intent.Move m) return scroll(s, a.top() + m.delta());
    if (intent instanceof Intent.Wheel w) return scroll(s, a.top() + w.delta());
    if (intent instanceof Intent.Page p) return scroll(s, a.top() + p.direction() * Math.max(1, rows > 4 ? rows - 2 : rows));
    if (intent instanceof Intent.HalfPage p) return scroll(s, a.top() + p.direction() * Math.max(1, rows / 2));
    if (intent instanceof Intent.Top) return scroll(s, 0);
    if (intent instanceof Intent.Bottom) return s.with(a.top(maxTop(a.page(), rows)));
    if (intent instanceof Intent.JumpSection j) return jump(s, j.number());
    if (intent instanceof Intent.StepSection st) return step(s, st.direction());
    if (intent instanceof Intent.OpenPrompt p) return s.prompt(new Prompt(p.kind(), ""));
    if (intent instanceof Intent.ToggleSidebar) {
      if (!a.sidebar() && s.width() < Geometry.SIDEBAR_MIN_WIDTH) {
        return s.message("The contents sidebar needs at least " + Geometry.SIDEBAR_MIN_WIDTH + " columns");
      }
      return relayout(s.with(a.sidebar(!a.sidebar(), true, false, Math.max(0, a.section()))));
    }
    if (intent instanceof Intent.ToggleFocus) {
      if (sections.isEmpty()) return s.message("This article has no sections");
      if (!a.sidebar() && s.width() < Geometry.SIDEBAR_MIN_WIDTH) {
        return s.message("The contents sidebar needs at least " + Geometry.SIDEBAR_MIN_WIDTH + " columns");
      }
      return relayout(s.with(a.sidebar(true, a.sidebarChosen() || !a.sidebar(), true, Math.max(0, a.section()))));
    }
    if (intent instanceof Intent.Click c) {
      if (g.sidebarWidth() > 0 && c.col() < g.sidebarWidth() && !sections.isEmpty()) {
        int first = sidebarFirst(a, g);
        int idx = first + c.row() - 1;
        if (c.row() >= 1 && c.row() < g.bodyRows() && idx < sections.size()) return jump(s, sections.get(idx).number());
      }
      return s;
    }
    if (intent instanceof Intent.Back) return s.screen(ReaderState.Screen.LIBRARY).with((ReaderState.ArticleView) null);
    return s;
  }

  /** The first sidebar entry shown, so that the highlighted one is in view. */
  public static int sidebarFirst(ReaderState.ArticleView a, Geometry g) {
    int n = a.outline().sections().size();
    int rows = Math.max(1, g.bodyRows() - 1);
    int hl = a.sidebarFocus() ? a.sidebarSelected() : Math.max(0, a.section());
    return clamp(hl - rows / 2, 0, Math.max(0, n - rows));
  }

  private ReaderState scroll(ReaderState s, int wanted) {
    ReaderState.ArticleView a = s.article();
    int rows = geometry(s).bodyRows();
    int limit = Math.max(maxTop(a.page(), rows), Math.min(a.top(), a.page().size() - 1));
    return s.with(a.top(clamp(wanted, 0, Math.max(0, limit))));
  }

  static int maxTop(Page p, int rows) {
    return Math.max(0, p.size() - rows);
  }

  private ReaderState jump(ReaderState s, String number) {
    ReaderState.ArticleView a = s.article();
    Outline o = a.outline();
    int idx = o.indexOfNumber(number);
    if (idx < 0 || idx >= a.page().sectionLines().size()) {
      int count = o.topLevelCount();
      return s.message(count == 0 ? "This article has no numbered sections"
          : "No section " + number + "; this article has sections 1\u2013" + count);
    }
    int line = a.page().sectionLines().get(idx);
    ReaderState.ArticleView moved = a.top(clamp(line, 0, Math.max(0, a.page().size() - 1)));
    return s.with(moved.sidebar(a.sidebar(), a.sidebarChosen(), a.sidebarFocus(), idx));
  }

  private ReaderState step(ReaderState s, int dir) {
    ReaderState.ArticleView a = s.article();
    List<Integer> lines = a.page().sectionLines();
    if (lines.isEmpty()) return s.message("This article has no sections");
    if (dir > 0) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i) > a.top()) return jump(s, a.outline().sections().get(i).number());
      }
      return s.message("This is the last section");
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i) < a.top()) return jump(s, a.outline().sections().get(i).number());
    }
    return scroll(s, 0);
  }

  // ---- opening, resizing

  private ReaderState opened(ReaderState s, Intent.Opened o) {
    boolean sidebar = s.width() >= Geometry.SIDEBAR_AUTO_WIDTH && !o.input().article().outline().sections().isEmpty();
    Geometry g = Geometry.article(s.width(), s.height(), sidebar, maxWidth);
    Page page = PageLayout.layout(o.input(), g.textWidth(), theme);
    String notice = null;
    if (!o.problems().isEmpty()) {
      notice = o.problems().get(0) + (o.problems().size() > 1 ? " (+" + (o.problems().size() - 1) + " more)" : "");
    }
    ReaderState.ArticleView a = new ReaderState.ArticleView(o.slug(), o.input(), page, 0, sidebar, false, false, 0, notice);
    ReaderState next = s.with(a).screen(ReaderState.Screen.ARTICLE).overlay(ReaderState.Overlay.NONE, 0).prompt(null).message(null);
    // back in the library, the article just read is the selected one (also after 'read ARTICLE')
    List<ArticleMeta> items = next.library().items();
    for (int i = 0; i < items.size(); i++) if (items.get(i).slug().equals(o.slug())) return select(next, i);
    return next;
  }

  private ReaderState resize(ReaderState state, int width, int height) {
    ReaderState s = state.size(width, height);
    s = select(s, s.library().selected());
    if (s.overlay() != ReaderState.Overlay.NONE) {
      int lines = Panels.lines(s, keymap).size();
      s = s.overlay(s.overlay(), clamp(s.overlayTop(), 0, Panels.box(width, height, lines).maxTop(lines)));
    }
    ReaderState.ArticleView a = s.article();
    if (a == null) return s;
    if (!a.sidebarChosen()) {
      boolean auto = width >= Geometry.SIDEBAR_AUTO_WIDTH && !a.outline().sections().isEmpty();
      a = a.sidebar(auto || a.sidebarFocus() && width >= Geometry.SIDEBAR_MIN_WIDTH, false,
          a.sidebarFocus() && width >= Geometry.SIDEBAR_MIN_WIDTH, a.sidebarSelected());
    } else if (width < Geometry.SIDEBAR_MIN_WIDTH) {
      a = a.sidebar(a.sidebar(), true, false, a.sidebarSelected());
    }
    return relayout(s.with(a), state.article() == null ? 0 : geometry(state).bodyRows());
  }

  private ReaderState relayout(ReaderState s) {
    return relayout(s, geometry(s).bodyRows());
  }

  /** Lays the article out again at the current width, keeping the place in the text. */
  private ReaderState relayout(ReaderState s, int oldRows) {
    ReaderState.ArticleView a = s.article();
    Geometry g = geometry(s);
    Page old = a.page();
    boolean atEnd = a.top() > 0 && a.top() >= maxTop(old, oldRows);
    Page page = g.textWidth() == old.width() ? old : PageLayout.layout(a.input(), g.textWidth(), theme);
    int top;
    if (a.top() == 0) {
      top = 0;
    } else if (page == old) {
      top = a.top();
    } else {
      top = page.lineOf(old.anchorAt(a.top()));
      // a section heading at the top stays exactly at the top
      int sec = old.sectionLines().indexOf(a.top());
      if (sec >= 0 && sec < page.sectionLines().size()) top = page.sectionLines().get(sec);
    }
    int limit = atEnd ? maxTop(page, g.bodyRows()) : Math.max(maxTop(page, g.bodyRows()), top);
    top = clamp(top, 0, Math.max(0, Math.min(limit, page.size() - 1)));
    return s.with(a.page(page, top));
  }

  // ---- memory (reading positions, read marks, bookmarks, recent): see MemoryUpdate

  /**
   * The whole update step, as the runtime runs it: {@link #apply} together with what the reader
   * remembers (its keys and lists, resuming, and the position as a {@link Effect.Persist}).
   */
  public Step step(ReaderState state, Intent intent) {
    return MemoryUpdate.step(this, state, intent);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
