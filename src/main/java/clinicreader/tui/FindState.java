package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.layout.Page;
import clinicreader.search.PageMatches;
import clinicreader.search.Result;
import clinicreader.search.SearchIndex;
import java.util.List;

/**
 * Finding things (search, tag filter, in-article search, links, history): the library's search
 * index, the library query and its results, the active tag filter, the in-article matches, the
 * chosen entry of a list overlay, what to do when an article being opened arrives, and the back
 * stack. {@link FindUpdate} makes new ones; the screens only read them.
 *
 * @param index the search index, null until built
 * @param indexing whether the index is being built
 * @param query the library search as typed ("" for none)
 * @param results the articles matching {@code query} (and the tag), best first
 * @param tag the tag the library is filtered by, or null
 * @param base the library list before searching or filtering (null when neither is active)
 * @param pick the chosen entry of the tag or link list overlay
 * @param search the in-article search, or null
 * @param link the external link whose address the link panel shows, or null
 * @param pending what to do when the article being opened arrives, or null
 * @param history the articles left by following links, most recent last
 * @param related the focused related article (index into {@code Page.related()}), or -1
 */
public record FindState(
    SearchIndex index,
    boolean indexing,
    String query,
    List<Result> results,
    String tag,
    List<ArticleMeta> base,
    int pick,
    ArticleSearch search,
    LinkPanel link,
    Pending pending,
    List<Visit> history,
    int related) {

  /** Nothing yet. */
  public static final FindState EMPTY = new FindState(null, false, "", List.of(), null, null, 0, null, null, null,
      List.of(), -1);

  /** The longest back stack kept. */
  public static final int HISTORY_MAX = 50;

  public FindState {
    query = query == null ? "" : query;
    results = List.copyOf(results);
    base = base == null ? null : List.copyOf(base);
    history = List.copyOf(history);
  }

  /**
   * A search inside the open article: the query, its matches on {@code page} (the layout they
   * were found on; a new layout needs them found again) and the current one (-1 before the first jump).
   */
  public record ArticleSearch(String query, Page page, List<PageMatches.Match> matches, int current) {
    public ArticleSearch {
      matches = List.copyOf(matches);
    }

    /** The query's matches on a page. */
    public static ArticleSearch on(String query, Page page, int current) {
      List<PageMatches.Match> m = PageMatches.find(page.lines(), query);
      return new ArticleSearch(query, page, m, m.isEmpty() ? -1 : Math.min(current, m.size() - 1));
    }

    public ArticleSearch current(int c) {
      return new ArticleSearch(query, page, matches, c);
    }
  }

  /** The external link shown in the link panel, and how handing it to the browser went. */
  public record LinkPanel(Page.Link link, String note) {}

  /**
   * What to do when article {@code slug} arrives: put section {@code anchor} or the first match
   * of {@code query} at or after section {@code sectionIndex} in view, and whether to put the
   * article being left on the back stack.
   */
  public record Pending(String slug, String anchor, String query, int sectionIndex, boolean push) {}

  /** An article left by following a link, as it was: its view (with the line) and its search. */
  public record Visit(ReaderState.ArticleView view, ArticleSearch search) {}

  /** Whether the library list is narrowed by a search or a tag. */
  public boolean filtering() {
    return base != null;
  }

  /** The result for an article of the current search, or null. */
  public Result result(String slug) {
    if (query.isBlank()) return null;
    for (Result r : results) if (r.slug().equals(slug)) return r;
    return null;
  }

  public FindState index(SearchIndex i, boolean building) {
    return new FindState(i, building, query, results, tag, base, pick, search, link, pending, history, related);
  }

  public FindState filter(String q, List<Result> r, String t, List<ArticleMeta> b) {
    return new FindState(index, indexing, q, r, t, b, pick, search, link, pending, history, related);
  }

  public FindState pick(int p) {
    return new FindState(index, indexing, query, results, tag, base, p, search, link, pending, history, related);
  }

  public FindState search(ArticleSearch a) {
    return new FindState(index, indexing, query, results, tag, base, pick, a, link, pending, history, related);
  }

  public FindState link(LinkPanel l) {
    return new FindState(index, indexing, query, results, tag, base, pick, search, l, pending, history, related);
  }

  public FindState pending(Pending p) {
    return new FindState(index, indexing, query, results, tag, base, pick, search, link, p, history, related);
  }

  public FindState history(List<Visit> h) {
    List<Visit> kept = h.size() > HISTORY_MAX ? h.subList(h.size() - HISTORY_MAX, h.size()) : h;
    return new FindState(index, indexing, query, results, tag, base, pick, search, link, pending, kept, related);
  }

  public FindState related(int r) {
    return new FindState(index, indexing, query, results, tag, base, pick, search, link, pending, history, r);
  }
}
