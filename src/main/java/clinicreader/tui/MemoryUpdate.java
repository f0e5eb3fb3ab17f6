package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Outline;
import clinicreader.layout.Page;
import clinicreader.state.Bookmark;
import clinicreader.state.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The update step's part for what the reader remembers (pure, like {@link Update}): the
 * memory keys (m ' u B R and the lists), and around every other step the bookkeeping of the
 * reading position: resume on opening, remember while scrolling (debounced), on leaving and on
 * quitting. Changes leave as {@link Effect.Persist}; the saved state comes back as
 * {@link Intent.Remembered}.
 */
final class MemoryUpdate {
  /** How many recently read articles the recent list shows. */
  static final int RECENT = 10;
  private static final Instant NO_TIME = Instant.EPOCH;

  private MemoryUpdate() {}

  static Update.Step step(Update u, ReaderState state, Intent intent) {
    if (intent == null) return Update.Step.of(state);
    if (intent instanceof Intent.Remembered r) return Update.Step.of(remembered(state, r));
    MemoryState m = state.memory();
    if (!m.enabled()) return u.apply(state, intent);
    Update.Step own = own(u, state, intent);
    Update.Step step = own != null ? own : u.apply(state, intent);
    return after(u, state, intent, step);
  }

  // ---- the memory keys and lists

  private static Update.Step own(Update u, ReaderState state, Intent intent) {
    if (state.prompt() != null) return null;
    if (isList(state.overlay())) return list(u, state, intent);
    if (state.overlay() != ReaderState.Overlay.NONE) return null;
    ReaderState s = state.message(null);
    MemoryState m = s.memory();
    if (intent instanceof Intent.OpenBookmarks) return Update.Step.of(openList(s, ReaderState.Overlay.BOOKMARKS));
    boolean inLibrary = s.screen() == ReaderState.Screen.LIBRARY || s.article() == null;
    if (inLibrary) {
      if (intent instanceof Intent.OpenRecent) return Update.Step.of(openList(s, ReaderState.Overlay.RECENT));
      if (intent instanceof Intent.ToggleBookmarkedOnly) return Update.Step.of(toggleFilter(s));
      if (intent instanceof Intent.ToggleRead) {
        ArticleMeta cur = s.library().current();
        if (cur == null) return Update.Step.of(s);
        boolean read = !m.saved().isRead(cur.slug());
        return new Update.Step(s.message(read ? "marked read" : "marked unread"),
            List.of(new Effect.Persist(new MemoryChange.Read(cur.slug(), read), false)));
      }
      return null;
    }
    if (intent instanceof Intent.ToggleBookmark) {
      ReaderState.ArticleView a = s.article();
      Position here = place(a);
      String label = label(a.outline(), a.section());
      boolean has = m.saved().isBookmarked(a.slug(), here.sectionAnchor());
      return new Update.Step(s.message(has ? "bookmark removed" : "bookmarked " + label),
          List.of(new Effect.Persist(new MemoryChange.ToggleBookmark(a.slug(), here.sectionAnchor(), label,
              here.lineInSection()), false)));
    }
    return null;
  }

  static boolean isList(ReaderState.Overlay o) {
    return o == ReaderState.Overlay.BOOKMARKS || o == ReaderState.Overlay.RECENT;
  }

  private static ReaderState openList(ReaderState s, ReaderState.Overlay which) {
    return s.with(s.memory().selected(0)).overlay(which, 0);
  }

  /** Keys while the bookmarks or recent list is open; other intents (quit, resize) pass on. */
  private static Update.Step list(Update u, ReaderState state, Intent intent) {
    if (intent instanceof Intent.Quit || intent instanceof Intent.Resize || intent instanceof Intent.Opened
        || intent instanceof Intent.OpenFailed) {
      return null;
    }
    ReaderState s = state.message(null);
    MemoryState m = s.memory();
    int n = MemoryPanels.entries(s);
    int sel = Math.max(0, Math.min(m.selected(), n - 1));
    Panels.Box box = Panels.box(s.width(), s.height(), MemoryPanels.lines(s, Panels.innerWidth(s.width())).size());
    int page = Math.max(1, box.visibleLines() - 1);
    if (intent instanceof Intent.Move mv) return Update.Step.of(choose(s, sel + mv.delta()));
    if (intent instanceof Intent.Wheel w) return Update.Step.of(choose(s, sel + Integer.signum(w.delta())));
    if (intent instanceof Intent.Page p) return Update.Step.of(choose(s, sel + p.direction() * page));
    if (intent instanceof Intent.Top) return Update.Step.of(choose(s, 0));
    if (intent instanceof Intent.Bottom) return Update.Step.of(choose(s, n - 1));
    if (intent instanceof Intent.Cancel || intent instanceof Intent.Back) return Update.Step.of(s.overlay(ReaderState.Overlay.NONE, 0));
    if (intent instanceof Intent.OpenBookmarks) {
      return Update.Step.of(s.overlay() == ReaderState.Overlay.BOOKMARKS ? s.overlay(ReaderState.Overlay.NONE, 0)
          : openList(s, ReaderState.Overlay.BOOKMARKS));
    }
    if (intent instanceof Intent.OpenRecent) {
      return Update.Step.of(s.overlay() == ReaderState.Overlay.RECENT ? s.overlay(ReaderState.Overlay.NONE, 0)
          : openList(s, ReaderState.Overlay.RECENT));
    }
    if (n == 0) return Update.Step.of(s);
    if (s.overlay() == ReaderState.Overlay.BOOKMARKS) {
      Bookmark b = m.saved().bookmarks().get(sel);
      if (intent instanceof Intent.DeleteEntry) {
        return new Update.Step(s.message("bookmark removed"),
            List.of(new Effect.Persist(new MemoryChange.RemoveBookmark(b.slug(), b.sectionAnchor()), false)));
      }
      if (intent instanceof Intent.Select) return openAt(u, s, b.slug(), b.position(), b.sectionLabel());
      return Update.Step.of(s);
    }
    String slug = m.saved().recent(RECENT).get(sel);
    if (intent instanceof Intent.Select) return openAt(u, s, slug, null, null);
    return Update.Step.of(s);
  }

  private static ReaderState choose(ReaderState s, int index) {
    int n = MemoryPanels.entries(s);
    int sel = n == 0 ? 0 : Math.max(0, Math.min(index, n - 1));
    int lines = MemoryPanels.lines(s.with(s.memory().selected(sel)), Panels.innerWidth(s.width())).size();
    Panels.Box box = Panels.box(s.width(), s.height(), lines);
    int line = MemoryPanels.lineOf(sel);
    int top = s.overlayTop();
    if (line < top) top = line;
    if (line >= top + box.visibleLines()) top = line - box.visibleLines() + 1;
    top = Math.max(0, Math.min(top, box.maxTop(lines)));
    return s.with(s.memory().selected(sel)).overlay(s.overlay(), top);
  }

  /** Opens {@code slug} at {@code at} (a bookmark), or where it was left when {@code at} is null. */
  private static Update.Step openAt(Update u, ReaderState s, String slug, Position at, String label) {
    ReaderState closed = s.overlay(ReaderState.Overlay.NONE, 0);
    ReaderState.ArticleView a = closed.article();
    if (a != null && a.slug().equals(slug) && closed.screen() == ReaderState.Screen.ARTICLE) {
      if (at == null) return Update.Step.of(closed.message("this article is open"));
      return Update.Step.of(moveTo(u, closed, at, "at bookmark " + label));
    }
    String title = title(closed, slug);
    MemoryState.Target target = at == null ? null : new MemoryState.Target(slug, at, label);
    return new Update.Step(closed.with(closed.memory().target(target)).message("Opening " + title + "\u2026"),
        List.of(new Effect.OpenArticle(slug)));
  }

  private static ReaderState toggleFilter(ReaderState s) {
    MemoryState m = s.memory();
    ReaderState.LibraryView l = s.library();
    if (m.bookmarkedOnly()) {
      List<ArticleMeta> items = m.all().stream().sorted(l.sort().comparator()).toList();
      ReaderState back = s.with(m.filter(false, List.of()));
      return select(back, items, l.current()).message("showing all articles");
    }
    Set<String> marked = m.saved().bookmarkedSlugs();
    List<ArticleMeta> items = l.items().stream().filter(a -> marked.contains(a.slug())).toList();
    if (items.isEmpty()) return s.message("no bookmarks yet: in an article, m bookmarks a section");
    ReaderState on = s.with(m.filter(true, l.items()));
    return select(on, items, l.current()).message("showing bookmarked articles only (B shows all)");
  }

  /** The library showing {@code items}, with {@code keep} still selected when it is there. */
  private static ReaderState select(ReaderState s, List<ArticleMeta> items, ArticleMeta keep) {
    ReaderState.LibraryView l = s.library();
    int sel = keep == null ? 0 : Math.max(0, indexOf(items, keep.slug()));
    int visible = Geometry.library(s.height()).visibleItems();
    int top = Math.max(0, Math.min(sel, Math.max(0, items.size() - visible)));
    if (sel >= top + visible) top = sel - visible + 1;
    top = Math.max(0, Math.min(top, sel));
    return s.with(new ReaderState.LibraryView(items, sel, top, l.sort()));
  }

  private static int indexOf(List<ArticleMeta> items, String slug) {
    for (int i = 0; i < items.size(); i++) if (items.get(i).slug().equals(slug)) return i;
    return -1;
  }

  // ---- the saved state comes back

  private static ReaderState remembered(ReaderState s, Intent.Remembered r) {
    MemoryState m = s.memory().saved(r.saved());
    ReaderState next = s.with(m);
    if (m.bookmarkedOnly()) {
      // a bookmark removed from the list may take its article out of the filtered library
      Set<String> marked = r.saved().bookmarkedSlugs();
      List<ArticleMeta> items = s.library().items().stream().filter(a -> marked.contains(a.slug())).toList();
      if (items.isEmpty()) {
        List<ArticleMeta> all = m.all().stream().sorted(s.library().sort().comparator()).toList();
        next = select(next.with(m.filter(false, List.of())), all, s.library().current());
      } else if (items.size() != s.library().items().size()) {
        next = select(next, items, s.library().current());
      }
    }
    if (isList(next.overlay())) next = choose(next, m.selected());
    return r.warning() == null ? next : next.message(r.warning());
  }

  // ---- around every step: the reading position

  private static Update.Step after(Update u, ReaderState before, Intent intent, Update.Step step) {
    ReaderState s = step.state();
    List<Effect> effects = new ArrayList<>();
    ReaderState.ArticleView was = before.article();
    ReaderState.ArticleView now = s.article();
    boolean quits = step.effects().stream().anyMatch(e -> e instanceof Effect.Quit);
    if (intent instanceof Intent.Opened o && now != null && now.slug().equals(o.slug())) {
      if (was != null) effects.add(persistPlace(was, false));
      s = resume(u, s);
      effects.add(new Effect.Persist(new MemoryChange.Opened(o.slug()), false));
    } else if (was != null && (now == null || !now.slug().equals(was.slug()))) {
      effects.add(persistPlace(was, false));
    } else if (was != null && !quits && !samePlace(was, now)) {
      effects.add(persistPlace(now, true));
    }
    if (quits && now != null) effects.add(persistPlace(now, false));
    effects.addAll(step.effects());
    MemoryState m = s.memory();
    if (s.message() == null && !m.warnings().isEmpty()) {
      s = s.message(m.warnings().get(0)).with(m.warnings(m.warnings().subList(1, m.warnings().size())));
    }
    return new Update.Step(s, effects);
  }

  /** The just opened article at its bookmark or its last reading position, with a message. */
  private static ReaderState resume(Update u, ReaderState s) {
    ReaderState.ArticleView a = s.article();
    MemoryState m = s.memory();
    MemoryState.Target t = m.target();
    s = s.with(m.target(null));
    if (t != null && t.slug().equals(a.slug())) return moveTo(u, s, t.position(), "at bookmark " + t.label());
    Optional<Position> p = m.saved().position(a.slug());
    if (p.isEmpty()) return s;
    int line = line(a, p.get());
    if (line <= 0) return s;
    int sec = a.page().sectionAt(line);
    String where = sec < 0 ? "where you stopped" : label(a.outline(), sec);
    return moveTo(u, s, p.get(), "resumed at " + where);
  }

  private static ReaderState moveTo(Update u, ReaderState s, Position p, String message) {
    ReaderState.ArticleView a = s.article();
    int line = line(a, p);
    int sec = a.page().sectionAt(line);
    ReaderState.ArticleView moved = a.top(line).sidebar(a.sidebar(), a.sidebarChosen(), a.sidebarFocus(),
        Math.max(0, sec));
    return s.with(moved).message(message);
  }

  private static int line(ReaderState.ArticleView a, Position p) {
    Page page = a.page();
    int line = p.toLine(anchors(a.outline()), page.sectionLines());
    return Math.max(0, Math.min(line, page.size() - 1));
  }

  private static Effect persistPlace(ReaderState.ArticleView a, boolean debounced) {
    Position p = place(a);
    return new Effect.Persist(new MemoryChange.Place(a.slug(), p.sectionAnchor(), p.lineInSection()), debounced);
  }

  private static boolean samePlace(ReaderState.ArticleView x, ReaderState.ArticleView y) {
    if (x == null || y == null) return x == y;
    Position a = place(x);
    Position b = place(y);
    return a.sectionAnchor().equals(b.sectionAnchor()) && a.lineInSection() == b.lineInSection();
  }

  /** The position of the top line of an open article. */
  static Position place(ReaderState.ArticleView a) {
    return Position.of(anchors(a.outline()), a.page().sectionLines(), a.top(), NO_TIME);
  }

  static List<String> anchors(Outline o) {
    return o.sections().stream().map(Outline.Section::anchor).toList();
  }

  /** "3. Results" for a top-level section, "2.1 Details" below, "Start" above the first. */
  static String label(Outline o, int index) {
    if (index < 0 || index >= o.sections().size()) return "Start";
    Outline.Section sec = o.sections().get(index);
    return sec.level() == 1 ? sec.number() + ". " + sec.title() : sec.number() + " " + sec.title();
  }

  /** An article's title by slug, from the whole library (the slug if it is not there). */
  static String title(ReaderState s, String slug) {
    ArticleMeta a = article(s, slug);
    return a == null ? slug : a.title();
  }

  static ArticleMeta article(ReaderState s, String slug) {
    List<ArticleMeta> items = s.memory().bookmarkedOnly() ? s.memory().all() : s.library().items();
    for (ArticleMeta a : items) if (a.slug().equals(slug)) return a;
    return null;
  }
}
