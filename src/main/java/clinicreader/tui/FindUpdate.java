package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Outline;
import clinicreader.layout.Page;
import clinicreader.search.PageMatches;
import clinicreader.search.Query;
import clinicreader.search.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The update step for finding things: library search and tag filter, search in an article,
 * links, related articles and the back stack. {@link Update#apply} asks it first; it answers
 * {@code null} for what the reader's own step handles. Like {@link Update}, it does no I/O: the
 * index, result locations, link targets and the browser come back from the runtime as intents.
 */
final class FindUpdate {
  /** The longest query kept in a search prompt. */
  static final int QUERY_MAX = 60;

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final Pattern BROWSABLE = Pattern.compile("^(?i)(https?://|mailto:).+");

  /** The related focus while Tab moves on from the last related article to the sidebar. */
  private static final int PASSED = -2;

  private final Update update;

  FindUpdate(Update update) {
    this.update = update;
  }

  /** The step for {@code intent}, or null when the reader's own step should take it unchanged. */
  Update.Step apply(ReaderState s0, Intent intent) {
    FindState f = s0.find();
    if (intent instanceof Intent.IndexReady r) return Update.Step.of(indexReady(s0, r));
    if (intent instanceof Intent.MatchLocated m) {
      return Update.Step.of(s0.with(f.pending(new FindState.Pending(m.slug(), null, m.query(), m.sectionIndex(), false))));
    }
    if (intent instanceof Intent.LinkResolved r) return linkResolved(s0.message(null), r);
    if (intent instanceof Intent.Browsed b) {
      boolean shown = f.link() != null && f.link().link().destination().strip().equals(b.url());
      return Update.Step.of(shown ? s0.with(f.link(new FindState.LinkPanel(f.link().link(), b.note()))) : s0);
    }
    if (intent instanceof Intent.Opened o) return opened(s0, o);
    if (intent instanceof Intent.OpenFailed) {
      return f.pending() == null ? null : update.apply(s0.with(f.pending(null)), intent);
    }
    if (intent instanceof Intent.Quit) return null;
    ReaderState s = s0.message(null);
    Prompt p = s.prompt();
    if (p != null) {
      if (p.kind() == Prompt.Kind.SEARCH) return s.article() != null && s.screen() == ReaderState.Screen.ARTICLE
          ? Update.Step.of(articlePrompt(s, intent)) : libraryPrompt(s, intent);
      if (p.kind() == Prompt.Kind.LINK) return linkPrompt(s, intent);
      return keepSearch(s0, intent);
    }
    switch (s.overlay()) {
      case TAGS -> {
        return Update.Step.of(tags(s, intent));
      }
      case LINKS -> {
        return links(s, intent);
      }
      case LINK -> {
        boolean close = intent instanceof Intent.Cancel || intent instanceof Intent.Back || intent instanceof Intent.Select;
        return Update.Step.of(close ? s.overlay(ReaderState.Overlay.NONE, 0).with(f.link(null)) : s);
      }
      case NONE -> { }
      default -> {
        return keepSearch(s0, intent);
      }
    }
    if (s.screen() == ReaderState.Screen.LIBRARY || s.article() == null) return library(s, intent);
    Update.Step a = article(s, intent);
    return a != null ? a : keepSearch(s0, intent);
  }

  // ---- library: search as you type, tag filter

  private Update.Step library(ReaderState s, Intent intent) {
    FindState f = s.find();
    if (intent instanceof Intent.OpenPrompt op && op.kind() == Prompt.Kind.SEARCH) {
      ReaderState open = s.prompt(new Prompt(Prompt.Kind.SEARCH, f.query()));
      if (f.index() == null && !f.indexing()) {
        return new Update.Step(open.with(f.index(null, true)), List.of(new Effect.BuildIndex()));
      }
      return Update.Step.of(open);
    }
    if (intent instanceof Intent.PickTag) {
      List<String> tags = tagNames(s);
      int pick = f.tag() == null ? 0 : Math.max(0, tags.indexOf(f.tag()) + 1);
      return Update.Step.of(keepPickVisible(s.overlay(ReaderState.Overlay.TAGS, 0).with(f.pick(pick))));
    }
    if (intent instanceof Intent.Cancel && f.filtering()) {
      return Update.Step.of(narrow(s, "", null).message("Showing all articles"));
    }
    if (intent instanceof Intent.Select) return openResult(s);
    return null;
  }

  /** Opens the selected article; at its best match when it is a search result. */
  private Update.Step openResult(ReaderState s) {
    ArticleMeta cur = s.library().current();
    if (cur == null) return null;
    Result r = s.find().result(cur.slug());
    if (r == null) return null;
    return new Update.Step(s.message("Opening " + cur.title() + "\u2026"), List.of(new Effect.OpenAtMatch(cur.slug(), r)));
  }

  private Update.Step libraryPrompt(ReaderState s, Intent intent) {
    Prompt p = s.prompt();
    FindState f = s.find();
    if (intent instanceof Intent.PromptInput in) {
      if (p.text().length() >= QUERY_MAX) return Update.Step.of(s);
      Prompt typed = p.typed(in.text());
      return Update.Step.of(narrow(s.prompt(typed), typed.text(), f.tag()));
    }
    if (intent instanceof Intent.PromptBackspace) {
      if (p.text().isEmpty()) return Update.Step.of(s.prompt(null));
      Prompt erased = p.erased();
      return Update.Step.of(narrow(s.prompt(erased), erased.text(), f.tag()));
    }
    if (intent instanceof Intent.Cancel) return Update.Step.of(narrow(s.prompt(null), "", f.tag()));
    if (intent instanceof Intent.Move m) {
      return Update.Step.of(selectItem(s, s.library().items(), s.library().selected() + m.delta()));
    }
    if (intent instanceof Intent.PromptSubmit) {
      ReaderState closed = s.prompt(null);
      if (Query.parse(f.query()).isEmpty()) return Update.Step.of(narrow(closed, "", f.tag()));
      if (f.index() == null) return Update.Step.of(closed.message("Still indexing\u2026 the list narrows when it is done"));
      if (closed.library().items().isEmpty()) return Update.Step.of(closed.message("Nothing matches \u201c" + f.query() + "\u201d"));
      Update.Step open = openResult(closed);
      return open != null ? open : Update.Step.of(closed);
    }
    return Update.Step.of(s);
  }

  /** Narrows the library list to the articles matching {@code query} and tagged {@code tag}. */
  static ReaderState narrow(ReaderState s, String query, String tag) {
    FindState f = s.find();
    ReaderState.LibraryView l = s.library();
    List<ArticleMeta> base = f.base() != null ? f.base() : l.items();
    ArticleMeta was = l.current();
    boolean words = !Query.parse(query).isEmpty();
    if (!words && tag == null) {
      List<ArticleMeta> all = base.stream().sorted(l.sort().comparator()).toList();
      ReaderState r = s.with(f.filter(query, List.of(), null, null));
      return selectItem(r, all, was == null ? 0 : Math.max(0, all.indexOf(was)));
    }
    List<ArticleMeta> pool = tag == null ? base : base.stream().filter(a -> a.front().tags().contains(tag)).toList();
    List<ArticleMeta> items;
    List<Result> results = List.of();
    if (!words || f.index() == null) {
      items = pool.stream().sorted(l.sort().comparator()).toList();
    } else {
      Map<String, ArticleMeta> bySlug = new HashMap<>();
      for (ArticleMeta a : pool) bySlug.put(a.slug(), a);
      List<Result> kept = new ArrayList<>();
      items = new ArrayList<>();
      for (Result r : f.index().query(query)) {
        ArticleMeta a = bySlug.get(r.slug());
        if (a == null) continue;
        kept.add(r);
        items.add(a);
      }
      results = kept;
    }
    ReaderState r = s.with(f.filter(query, results, tag, base));
    boolean sameQuery = query.equals(f.query());
    int sel = sameQuery && was != null ? Math.max(0, items.indexOf(was)) : 0;
    return selectItem(r, items, sel);
  }

  private static ReaderState selectItem(ReaderState s, List<ArticleMeta> items, int index) {
    ReaderState.LibraryView l = s.library();
    int n = items.size();
    int sel = n == 0 ? 0 : clamp(index, 0, n - 1);
    int visible = Geometry.library(s.height()).visibleItems();
    int top = items == l.items() ? l.top() : 0;
    if (sel < top) top = sel;
    if (sel >= top + visible) top = sel - visible + 1;
    top = clamp(top, 0, Math.max(0, n - visible));
    return s.with(new ReaderState.LibraryView(items, sel, top, l.sort()));
  }

  private ReaderState indexReady(ReaderState s, Intent.IndexReady r) {
    FindState f = s.find();
    ReaderState ready = s.with(f.index(r.index(), false));
    if (r.index() == null) return ready.message("Search is not available here");
    if (f.query().isBlank()) return ready;
    // the first results are new: the best one is chosen, not the article chosen before they came
    FindState fresh = ready.find().filter("", ready.find().results(), f.tag(), ready.find().base());
    return narrow(ready.with(fresh), f.query(), f.tag());
  }

  /** Every tag of the library with how many articles have it, most used first. */
  static Map<String, Integer> tagCounts(ReaderState s) {
    List<ArticleMeta> base = s.find().base() != null ? s.find().base() : s.library().items();
    Map<String, Integer> counts = new HashMap<>();
    for (ArticleMeta a : base) for (String t : a.front().tags()) counts.merge(t, 1, Integer::sum);
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static List<String> tagNames(ReaderState s) {
    return List.copyOf(tagCounts(s).keySet());
  }

  private ReaderState tags(ReaderState s, Intent intent) {
    FindState f = s.find();
    int n = tagNames(s).size() + 1;
    if (intent instanceof Intent.Move m) return keepPickVisible(s.with(f.pick(clamp(f.pick() + m.delta(), 0, n - 1))));
    if (intent instanceof Intent.Wheel w) return keepPickVisible(s.with(f.pick(clamp(f.pick() + Integer.signum(w.delta()), 0, n - 1))));
    if (intent instanceof Intent.Top) return keepPickVisible(s.with(f.pick(0)));
    if (intent instanceof Intent.Bottom) return keepPickVisible(s.with(f.pick(n - 1)));
    if (intent instanceof Intent.Back) return s.overlay(ReaderState.Overlay.NONE, 0);
    if (intent instanceof Intent.Cancel || intent instanceof Intent.PickTag
        || intent instanceof Intent.Select && f.pick() == 0) {
      ReaderState closed = s.overlay(ReaderState.Overlay.NONE, 0);
      return f.tag() == null ? closed : narrow(closed, f.query(), null).message("Showing all tags");
    }
    if (intent instanceof Intent.Select) {
      String tag = tagNames(s).get(f.pick() - 1);
      ReaderState r = narrow(s.overlay(ReaderState.Overlay.NONE, 0), f.query(), tag);
      return r.message("#" + tag + ": " + r.library().items().size() + " articles \u00b7 # then Esc shows all");
    }
    return s;
  }

  /** Scrolls a list overlay so that its chosen line is in the box. */
  static ReaderState keepPickVisible(ReaderState s) {
    int lines = FindPanels.lines(s, Panels.innerWidth(s.width())).size();
    Panels.Box box = Panels.box(s.width(), s.height(), lines);
    int pick = s.find().pick();
    int top = s.overlayTop();
    if (pick < top) top = pick;
    if (pick >= top + box.visibleLines()) top = pick - box.visibleLines() + 1;
    return s.overlay(s.overlay(), clamp(top, 0, box.maxTop(lines)));
  }

  // ---- article: search, links, related, back

  private Update.Step article(ReaderState s, Intent intent) {
    FindState f = s.find();
    ReaderState.ArticleView a = s.article();
    Page page = a.page();
    if (intent instanceof Intent.OpenPrompt op && op.kind() == Prompt.Kind.SEARCH) {
      return Update.Step.of(s.prompt(new Prompt(Prompt.Kind.SEARCH, "")).with(f.related(-1)));
    }
    if (intent instanceof Intent.OpenPrompt op && op.kind() == Prompt.Kind.LINK) {
      if (page.links().isEmpty()) return Update.Step.of(s.message("This page has no links"));
      return Update.Step.of(s.prompt(new Prompt(Prompt.Kind.LINK, "")).with(f.related(-1)));
    }
    if (intent instanceof Intent.NextMatch n) return Update.Step.of(next(s, n.direction()));
    if (intent instanceof Intent.ShowLinks) {
      if (page.links().isEmpty()) return Update.Step.of(s.message("This page has no links"));
      int pick = 0;
      for (int i = 0; i < page.links().size(); i++) {
        if (page.links().get(i).line() >= a.top()) {
          pick = i;
          break;
        }
      }
      return Update.Step.of(keepPickVisible(s.overlay(ReaderState.Overlay.LINKS, 0).with(f.pick(pick).related(-1))));
    }
    if (intent instanceof Intent.FocusRelated) {
      if (page.related().isEmpty()) return Update.Step.of(s.message("This article has no related articles"));
      return Update.Step.of(focusRelated(s, 0, true));
    }
    if (intent instanceof Intent.HistoryBack) return back(s);
    if (f.related() >= 0) {
      int n = page.related().size();
      if (intent instanceof Intent.Select && f.related() < n) {
        Page.Related r = page.related().get(f.related());
        return openArticle(s.with(f.related(-1)), r.slug(), null);
      }
      if (intent instanceof Intent.Move m) return Update.Step.of(focusRelated(s, clamp(f.related() + m.delta(), 0, n - 1), false));
      if (intent instanceof Intent.Cancel) return Update.Step.of(s.with(f.related(-1)));
      if (intent instanceof Intent.ToggleFocus) {
        if (f.related() + 1 < n) return Update.Step.of(focusRelated(s, f.related() + 1, false));
        // past the last one: on to the contents sidebar, as Tab did before
        Update.Step st = update.apply(s.with(f.related(PASSED)), intent);
        return new Update.Step(st.state().with(st.state().find().related(-1)), st.effects());
      }
      return update.apply(s.with(f.related(-1)), intent);
    }
    if (intent instanceof Intent.ToggleFocus && !a.sidebarFocus() && f.related() != PASSED) {
      int rows = update.geometry(s).bodyRows();
      for (int i = 0; i < page.related().size(); i++) {
        int line = page.related().get(i).line();
        if (line >= a.top() && line < a.top() + rows) return Update.Step.of(s.with(f.related(i)));
      }
      return null;
    }
    if (intent instanceof Intent.Cancel && f.search() != null && !a.sidebarFocus()) {
      return Update.Step.of(s.with(f.search(null)).message("Search cleared"));
    }
    if (intent instanceof Intent.Back && !a.sidebarFocus() && (f.search() != null || !f.history().isEmpty())) {
      // leaving the article for the library ends its trail
      return update.apply(s.with(f.search(null).history(List.of())), intent);
    }
    return null;
  }

  private ReaderState focusRelated(ReaderState s, int index, boolean headingInView) {
    Page page = s.article().page();
    int line = page.related().get(index).line();
    int rows = update.geometry(s).bodyRows();
    int top = s.article().top();
    // the "Related articles" heading is two lines above the first entry
    int want = headingInView ? Math.max(0, page.related().get(0).line() - 2) : top;
    if (line < want || line >= want + rows - 1) want = line - rows / 3;
    ReaderState r = s.with(s.find().related(index));
    return r.with(r.article().top(clamp(want, 0, Math.max(0, Update.maxTop(page, rows)))));
  }

  private ReaderState articlePrompt(ReaderState s, Intent intent) {
    Prompt p = s.prompt();
    FindState f = s.find();
    Page page = s.article().page();
    if (intent instanceof Intent.PromptInput in) {
      if (p.text().length() >= QUERY_MAX) return s;
      Prompt typed = p.typed(in.text());
      return s.prompt(typed).with(f.search(live(typed.text(), page)));
    }
    if (intent instanceof Intent.PromptBackspace) {
      if (p.text().isEmpty()) return s.prompt(null).with(f.search(null));
      Prompt erased = p.erased();
      return s.prompt(erased).with(f.search(live(erased.text(), page)));
    }
    if (intent instanceof Intent.Cancel) return s.prompt(null).with(f.search(null));
    if (intent instanceof Intent.PromptSubmit) {
      ReaderState closed = s.prompt(null);
      String text = p.text().strip();
      if (Query.parse(text).isEmpty()) return closed.with(f.search(null));
      FindState.ArticleSearch found = FindState.ArticleSearch.on(text, page, -1);
      if (found.matches().isEmpty()) return closed.with(f.search(null)).message("Not found: " + text);
      int cur = PageMatches.firstFrom(found.matches(), closed.article().top());
      return show(closed.with(f.search(found.current(cur))), cur, -1);
    }
    return s;
  }

  private static FindState.ArticleSearch live(String text, Page page) {
    return Query.parse(text).isEmpty() ? null : FindState.ArticleSearch.on(text, page, -1);
  }

  /** The next or previous match, wrapping at the ends with a message. */
  private ReaderState next(ReaderState s, int dir) {
    FindState.ArticleSearch search = s.find().search();
    if (search == null) return s.message("No search yet: press / to search this article");
    List<PageMatches.Match> m = search.matches();
    if (m.isEmpty()) return s.message("Not found: " + search.query());
    int rows = update.geometry(s).bodyRows();
    int top = s.article().top();
    int cur = search.current();
    boolean curVisible = cur >= 0 && cur < m.size() && m.get(cur).line() >= top && m.get(cur).line() < top + rows;
    int target;
    String wrapped = null;
    if (dir > 0) {
      target = -1;
      if (curVisible) {
        target = cur + 1;
      } else {
        for (int i = 0; i < m.size(); i++) {
          if (m.get(i).line() >= top) {
            target = i;
            break;
          }
        }
      }
      if (target < 0 || target >= m.size()) {
        target = 0;
        wrapped = "search wrapped to top";
      }
    } else {
      target = -1;
      if (curVisible) {
        target = cur - 1;
      } else {
        for (int i = m.size() - 1; i >= 0; i--) {
          if (m.get(i).line() < top + rows) {
            target = i;
            break;
          }
        }
      }
      if (target < 0) {
        target = m.size() - 1;
        wrapped = "search wrapped to bottom";
      }
    }
    ReaderState r = show(s.with(s.find().search(search.current(target))), target, -1);
    return wrapped == null ? r : r.message(wrapped);
  }

  /**
   * Scrolls so that match {@code index} is on screen: where it is when it already shows, else a
   * third of the way down (or at {@code preferTop}, a section heading, when it fits below that).
   */
  private ReaderState show(ReaderState s, int index, int preferTop) {
    FindState.ArticleSearch search = s.find().search();
    if (search == null || index < 0 || index >= search.matches().size()) return s;
    ReaderState.ArticleView a = s.article();
    int rows = update.geometry(s).bodyRows();
    int line = search.matches().get(index).line();
    int top = a.top();
    if (preferTop >= 0 && line >= preferTop && line < preferTop + rows - 1) {
      top = preferTop;
    } else if (line < top || line >= top + rows) {
      top = line - rows / 3;
    }
    return s.with(a.top(clamp(top, 0, Math.max(0, Math.max(Update.maxTop(a.page(), rows), Math.min(top, line))))));
  }

  // ---- links

  private Update.Step linkPrompt(ReaderState s, Intent intent) {
    Prompt p = s.prompt();
    List<Page.Link> links = s.article() == null ? List.of() : s.article().page().links();
    if (intent instanceof Intent.PromptInput in) {
      if (!in.text().matches("[0-9]") || p.text().length() >= 6) return Update.Step.of(s);
      Prompt typed = p.typed(in.text());
      int n = Integer.parseInt(typed.text());
      // no longer number can start with this one: follow it without waiting for Enter
      if (n >= 1 && n <= links.size() && (long) n * 10 > links.size()) return follow(s.prompt(null), links.get(n - 1));
      if ((long) n > links.size()) return Update.Step.of(s.prompt(null).message(noLink(typed.text(), links.size())));
      return Update.Step.of(s.prompt(typed));
    }
    if (intent instanceof Intent.PromptBackspace) return Update.Step.of(p.text().isEmpty() ? s.prompt(null) : s.prompt(p.erased()));
    if (intent instanceof Intent.Cancel) return Update.Step.of(s.prompt(null));
    if (intent instanceof Intent.PromptSubmit) {
      ReaderState closed = s.prompt(null);
      String text = p.text().strip();
      if (text.isEmpty()) return Update.Step.of(closed);
      int n = Integer.parseInt(text);
      if (n < 1 || n > links.size()) return Update.Step.of(closed.message(noLink(text, links.size())));
      return follow(closed, links.get(n - 1));
    }
    return Update.Step.of(s);
  }

  private static String noLink(String number, int count) {
    return "No link " + number + "; this page has links 1\u2013" + count;
  }

  private Update.Step links(ReaderState s, Intent intent) {
    FindState f = s.find();
    List<Page.Link> links = s.article() == null ? List.of() : s.article().page().links();
    int n = Math.max(1, links.size());
    if (intent instanceof Intent.Move m) return Update.Step.of(keepPickVisible(s.with(f.pick(clamp(f.pick() + m.delta(), 0, n - 1)))));
    if (intent instanceof Intent.Wheel w) {
      return Update.Step.of(keepPickVisible(s.with(f.pick(clamp(f.pick() + Integer.signum(w.delta()), 0, n - 1)))));
    }
    if (intent instanceof Intent.Top) return Update.Step.of(keepPickVisible(s.with(f.pick(0))));
    if (intent instanceof Intent.Bottom) return Update.Step.of(keepPickVisible(s.with(f.pick(n - 1))));
    if (intent instanceof Intent.Cancel || intent instanceof Intent.Back || intent instanceof Intent.ShowLinks) {
      return Update.Step.of(s.overlay(ReaderState.Overlay.NONE, 0));
    }
    if (intent instanceof Intent.Select && f.pick() < links.size()) {
      return follow(s.overlay(ReaderState.Overlay.NONE, 0), links.get(f.pick()));
    }
    return Update.Step.of(s);
  }

  /** Follows a link of the open article: a section of it, another article, or an outside address. */
  Update.Step follow(ReaderState s, Page.Link link) {
    String d = link.destination().strip();
    String marker = "\u2039" + link.number() + "\u203a";
    if (d.isEmpty()) return Update.Step.of(s.message("Link " + marker + " has no address"));
    if (d.startsWith("#")) return Update.Step.of(anchorJump(s, d.substring(1)));
    if (SCHEME.matcher(d).matches() || d.startsWith("//")) {
      ReaderState shown = s.overlay(ReaderState.Overlay.LINK, 0);
      if (BROWSABLE.matcher(d).matches()) {
        return new Update.Step(shown.with(s.find().link(new FindState.LinkPanel(link, ""))), List.of(new Effect.Browse(d)));
      }
      return Update.Step.of(shown.with(s.find().link(new FindState.LinkPanel(link,
          "Only web (http, https) and mail addresses are handed to the browser."))));
    }
    return new Update.Step(s.message("Following link " + marker + "\u2026"),
        List.of(new Effect.ResolveLink(s.article().slug(), d)));
  }

  private Update.Step linkResolved(ReaderState s, Intent.LinkResolved r) {
    if (s.article() == null) return Update.Step.of(s);
    if (r.slug() == null) {
      return Update.Step.of(s.message("Not an article of this library: " + clinicreader.content.Text.cleanLine(r.target())));
    }
    int hash = r.target().indexOf('#');
    String anchor = hash >= 0 && hash + 1 < r.target().length() ? r.target().substring(hash + 1) : null;
    if (r.slug().equals(s.article().slug())) {
      return Update.Step.of(anchor == null ? s.message("That link leads to this article") : anchorJump(s, anchor));
    }
    return openArticle(s, r.slug(), anchor);
  }

  /** Opens another article from this one, keeping this one (and its line) on the back stack. */
  private Update.Step openArticle(ReaderState s, String slug, String anchor) {
    FindState f = s.find();
    return new Update.Step(s.with(f.pending(new FindState.Pending(slug, anchor, null, -1, true))).message("Opening\u2026"),
        List.of(new Effect.OpenArticle(slug)));
  }

  /** Jumps to the section with {@code anchor} in the open article, remembering the place left. */
  private ReaderState anchorJump(ReaderState s, String anchor) {
    ReaderState.ArticleView a = s.article();
    Outline o = a.outline();
    int idx = o.indexOfAnchor(anchor);
    if (idx < 0 || idx >= a.page().sectionLines().size()) {
      return s.message("No section \u201c#" + clinicreader.content.Text.cleanLine(anchor) + "\u201d in this article");
    }
    ReaderState pushed = push(s);
    return update.apply(pushed, new Intent.JumpSection(o.sections().get(idx).number())).state();
  }

  private static ReaderState push(ReaderState s) {
    FindState f = s.find();
    if (s.article() == null) return s;
    List<FindState.Visit> h = new ArrayList<>(f.history());
    h.add(new FindState.Visit(s.article(), f.search()));
    return s.with(f.history(h));
  }

  private Update.Step back(ReaderState s) {
    FindState f = s.find();
    List<FindState.Visit> h = f.history();
    if (h.isEmpty()) return update.apply(s.with(f.search(null).related(-1)), new Intent.Back());
    FindState.Visit v = h.get(h.size() - 1);
    ReaderState r = s.with(v.view()).with(f.history(h.subList(0, h.size() - 1)).search(null).related(-1));
    // lays the page out for this terminal, keeping the line it was left at
    Update.Step st = update.apply(r, new Intent.Resize(s.width(), s.height()));
    ReaderState n = st.state();
    if (v.search() != null && n.article() != null) n = n.with(n.find().search(resync(v.search(), n.article().page())));
    return new Update.Step(n, st.effects());
  }

  // ---- opening and re-laying out

  private Update.Step opened(ReaderState s, Intent.Opened o) {
    FindState f = s.find();
    FindState.Pending p = f.pending();
    if (p == null || !p.slug().equals(o.slug())) {
      boolean same = s.article() != null && s.article().slug().equals(o.slug());
      if (same) return keepSearch(s, o);
      // opened from the library (or elsewhere): a new trail
      if (f.history().isEmpty() && f.search() == null && f.related() < 0 && p == null) return null;
      return update.apply(s.with(f.history(List.of()).search(null).related(-1).pending(null)), o);
    }
    if (p.anchor() == null && p.query() == null && !p.push()) return null; // prepared below: the reader's own open
    ReaderState before = p.push() ? push(s) : s.with(f.history(List.of()));
    FindState.Pending plain = new FindState.Pending(o.slug(), null, null, -1, false);
    Update.Step st = update.apply(before.with(before.find().pending(plain).search(null).related(-1)), o);
    ReaderState n = st.state();
    n = n.with(n.find().pending(null));
    if (n.article() == null) return new Update.Step(n, st.effects());
    Page page = n.article().page();
    if (p.anchor() != null) {
      int idx = n.article().outline().indexOfAnchor(p.anchor());
      if (idx >= 0 && idx < page.sectionLines().size()) {
        n = update.apply(n, new Intent.JumpSection(n.article().outline().sections().get(idx).number())).state();
      } else {
        n = n.message("No section \u201c#" + clinicreader.content.Text.cleanLine(p.anchor()) + "\u201d in this article");
      }
    }
    if (p.query() != null && !Query.parse(p.query()).isEmpty()) {
      FindState.ArticleSearch found = FindState.ArticleSearch.on(p.query(), page, -1);
      int from = p.sectionIndex() >= 0 && p.sectionIndex() < page.sectionLines().size()
          ? page.sectionLines().get(p.sectionIndex()) : 0;
      int cur = PageMatches.firstFrom(found.matches(), from);
      n = n.with(n.find().search(found.current(cur)));
      n = show(n, cur, p.sectionIndex() >= 0 ? from : 0);
    }
    return new Update.Step(n, st.effects());
  }

  /**
   * Lets the reader's own step take an intent while a search is shown in the article, then finds
   * the matches again if the page was laid out anew (a resize, the sidebar); the search ends
   * when the article does. Any other intent ends the focus on a related article.
   */
  private Update.Step keepSearch(ReaderState s, Intent intent) {
    FindState f = s.find();
    if (f.search() == null && f.related() < 0) return null;
    Update.Step st = update.apply(s.with(f.search(null).related(f.related() == PASSED ? PASSED : -1)), intent);
    ReaderState n = st.state();
    if (f.search() == null || n.article() == null || s.article() == null || !n.article().slug().equals(s.article().slug())) {
      return st;
    }
    return new Update.Step(n.with(n.find().search(resync(f.search(), n.article().page()))), st.effects());
  }

  /** The search's matches on {@code page}, found again when it is a new layout. */
  static FindState.ArticleSearch resync(FindState.ArticleSearch search, Page page) {
    if (search.page() == page) return search;
    return FindState.ArticleSearch.on(search.query(), page, search.current());
  }

  static boolean opensInBrowser(String url) {
    return BROWSABLE.matcher(url).matches();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
