package clinicreader.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything remembered about reading, as one immutable value: per-article state (position,
 * read mark, last opened), bookmarks, and the removals of bookmarks (so a merge does not
 * resurrect them). Every operation returns a new value; times are passed in, so it is pure.
 *
 * <p>The value is kept in one canonical form (articles by slug, bookmarks newest first, at most
 * one entry per bookmark key), so {@code equals} compares meaning and {@link #merge} is
 * commutative, associative and idempotent.
 */
@JsonPropertyOrder({"version", "articles", "bookmarks", "removedBookmarks"})
public record ReaderState(
    Map<String, ArticleState> articles,
    List<Bookmark> bookmarks,
    List<Removal> removedBookmarks) {

  /** The version of the file format written by {@link StateStore}. */
  public static final int FORMAT = 1;

  private static final ReaderState EMPTY = new ReaderState(Map.of(), List.of(), List.of());

  public ReaderState {
    TreeMap<String, ArticleState> a = new TreeMap<>();
    if (articles != null) {
      articles.forEach((slug, st) -> {
        if (slug != null && st != null && !st.equals(ArticleState.NONE)) a.put(slug, st);
      });
    }
    articles = Collections.unmodifiableMap(a);

    Map<Bookmark.Key, Bookmark> live = new HashMap<>();
    if (bookmarks != null) {
      for (Bookmark b : bookmarks) {
        if (b == null) continue;
        live.merge(b.key(), b, (x, y) -> y.beats(x) ? y : x);
      }
    }
    Map<Bookmark.Key, Removal> gone = new HashMap<>();
    if (removedBookmarks != null) {
      for (Removal r : removedBookmarks) {
        if (r == null) continue;
        gone.merge(r.key(), r, (x, y) -> y.removedAt().isAfter(x.removedAt()) ? y : x);
      }
    }
    // per key only the latest event survives; a removal at the same instant wins
    for (var it = live.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      Removal r = gone.get(e.getKey());
      if (r == null) continue;
      if (e.getValue().createdAt().isAfter(r.removedAt())) gone.remove(e.getKey());
      else it.remove();
    }
    List<Bookmark> bs = new ArrayList<>(live.values());
    bs.sort(Bookmark.NEWEST_FIRST);
    bookmarks = List.copyOf(bs);
    List<Removal> rs = new ArrayList<>(gone.values());
    rs.sort(Removal.ORDER);
    removedBookmarks = List.copyOf(rs);
  }

  /** Nothing remembered yet. */
  public static ReaderState empty() {
    return EMPTY;
  }

  /** The file format version, written into the file for future readers. */
  @JsonProperty("version")
  public int version() {
    return FORMAT;
  }

  // ---- articles ----

  /** What is remembered about {@code slug} ({@link ArticleState#NONE} if nothing). */
  public ArticleState article(String slug) {
    return articles.getOrDefault(slug, ArticleState.NONE);
  }

  /** The last reading position in {@code slug}, if any. */
  public Optional<Position> position(String slug) {
    return Optional.ofNullable(article(slug).position());
  }

  /** Whether {@code slug} is marked read. */
  public boolean isRead(String slug) {
    return article(slug).read();
  }

  /** Remembers {@code position} as the place to resume {@code slug}. */
  public ReaderState withPosition(String slug, Position position) {
    Objects.requireNonNull(position, "position");
    return withArticle(slug, article(slug).withPosition(position));
  }

  /** Marks {@code slug} read. */
  public ReaderState markRead(String slug, Instant at) {
    return withArticle(slug, article(slug).withRead(true, at));
  }

  /** Marks {@code slug} unread again. */
  public ReaderState markUnread(String slug, Instant at) {
    return withArticle(slug, article(slug).withRead(false, at));
  }

  /** Records that {@code slug} was opened at {@code at} (this is what {@link #recent} lists). */
  public ReaderState withOpened(String slug, Instant at) {
    return withArticle(slug, article(slug).withOpened(at));
  }

  /** The slugs of the last {@code n} articles opened, newest first. */
  public List<String> recent(int n) {
    return articles.entrySet().stream()
        .filter(e -> e.getValue().lastOpened() != null)
        .sorted(Comparator.comparing((Map.Entry<String, ArticleState> e) -> e.getValue().lastOpened())
            .reversed().thenComparing(Map.Entry::getKey))
        .limit(Math.max(0, n))
        .map(Map.Entry::getKey)
        .toList();
  }

  private ReaderState withArticle(String slug, ArticleState st) {
    Objects.requireNonNull(slug, "slug");
    Map<String, ArticleState> a = new HashMap<>(articles);
    a.put(slug, st);
    return new ReaderState(a, bookmarks, removedBookmarks);
  }

  // ---- bookmarks ----

  /** The bookmark at (slug, section), if there is one. */
  public Optional<Bookmark> bookmark(String slug, String sectionAnchor) {
    String anchor = sectionAnchor == null ? Position.TOP : sectionAnchor;
    return bookmarks.stream().filter(b -> b.slug().equals(slug) && b.sectionAnchor().equals(anchor)).findFirst();
  }

  /** Whether there is a bookmark at (slug, section). */
  public boolean isBookmarked(String slug, String sectionAnchor) {
    return bookmark(slug, sectionAnchor).isPresent();
  }

  /** The bookmarks in one article, newest first. */
  public List<Bookmark> bookmarks(String slug) {
    return bookmarks.stream().filter(b -> b.slug().equals(slug)).toList();
  }

  /** The slugs of articles with at least one bookmark, in order of their newest bookmark. */
  @JsonIgnore
  public Set<String> bookmarkedSlugs() {
    Set<String> s = new LinkedHashSet<>();
    for (Bookmark b : bookmarks) s.add(b.slug());
    return Collections.unmodifiableSet(s);
  }

  /**
   * Adds a bookmark at (slug, section) or, if one is there, removes it. {@code label} is what
   * lists show ("3. Results"). The change is stamped no earlier than {@code at} and strictly
   * after the last change to that bookmark, so toggling twice in one clock tick still works.
   */
  public ReaderState toggleBookmark(String slug, String sectionAnchor, String label, int lineInSection, Instant at) {
    String anchor = sectionAnchor == null ? Position.TOP : sectionAnchor;
    Optional<Bookmark> existing = bookmark(slug, anchor);
    if (existing.isPresent()) return removeBookmark(slug, anchor, at);
    Instant t = after(at, removal(slug, anchor).map(Removal::removedAt).orElse(null));
    List<Bookmark> bs = new ArrayList<>(bookmarks);
    bs.add(new Bookmark(slug, anchor, label, lineInSection, t));
    return new ReaderState(articles, bs, removedBookmarks);
  }

  /** Removes the bookmark at (slug, section); no change if there is none. */
  public ReaderState removeBookmark(String slug, String sectionAnchor, Instant at) {
    String anchor = sectionAnchor == null ? Position.TOP : sectionAnchor;
    Optional<Bookmark> existing = bookmark(slug, anchor);
    if (existing.isEmpty()) return this;
    Instant t = after(at, existing.get().createdAt());
    List<Removal> rs = new ArrayList<>(removedBookmarks);
    rs.add(new Removal(slug, anchor, t));
    return new ReaderState(articles, bookmarks, rs);
  }

  private Optional<Removal> removal(String slug, String anchor) {
    return removedBookmarks.stream().filter(r -> r.slug().equals(slug) && r.sectionAnchor().equals(anchor)).findFirst();
  }

  private static Instant after(Instant at, Instant last) {
    Objects.requireNonNull(at, "at");
    if (last == null || at.isAfter(last)) return at;
    return last.plusNanos(1);
  }

  // ---- combining ----

  /**
   * This state combined with another copy of it (for example the file as another window saved
   * it): bookmarks are united per (slug, section), the latest add or removal winning; for each
   * article the newest position, the latest read mark and the latest opening win.
   */
  public ReaderState merge(ReaderState other) {
    Map<String, ArticleState> a = new HashMap<>(articles);
    other.articles.forEach((slug, st) -> a.merge(slug, st, ArticleState::merge));
    return new ReaderState(a, concat(bookmarks, other.bookmarks), concat(removedBookmarks, other.removedBookmarks));
  }

  /** Forgets removals older than {@code cutoff}, so the record of them does not grow forever. */
  public ReaderState withoutRemovalsBefore(Instant cutoff) {
    List<Removal> rs = removedBookmarks.stream().filter(r -> !r.removedAt().isBefore(cutoff)).toList();
    if (rs.size() == removedBookmarks.size()) return this;
    return new ReaderState(articles, bookmarks, rs);
  }

  private static <T> List<T> concat(Collection<T> x, Collection<T> y) {
    List<T> l = new ArrayList<>(x.size() + y.size());
    l.addAll(x);
    l.addAll(y);
    return l;
  }
}
