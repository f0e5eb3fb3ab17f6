package clinicreader.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One matching article. Ranking facts are ready at once; the location of the best match and
 * the snippet around it need the article's text and are worked out on first use (then kept),
 * so a long result list costs nothing until its rows are shown.
 */
public final class Result {
  /** The snippet width used by {@link #snippet()}. */
  public static final int DEFAULT_WIDTH = 80;

  /** The article's facts: decoded from the word store on first use when {@code stored} is set. */
  private volatile Doc doc;
  private final WordStore.Snapshot stored;
  private final int id;
  private final Query query;
  private final Hit hit;
  private final Excerpts excerpts;
  private volatile Excerpts.Best best;

  Result(Doc doc, Query query, Hit hit, Excerpts excerpts) {
    this(doc, null, -1, query, hit, excerpts);
  }

  /** A result whose facts are stored article {@code id} of {@code stored}, decoded only when asked for. */
  Result(WordStore.Snapshot stored, int id, Query query, Hit hit, Excerpts excerpts) {
    this(null, stored, id, query, hit, excerpts);
  }

  private Result(Doc doc, WordStore.Snapshot stored, int id, Query query, Hit hit, Excerpts excerpts) {
    this.doc = doc;
    this.stored = stored;
    this.id = id;
    this.query = query;
    this.hit = hit;
    this.excerpts = excerpts;
  }

  public String slug() {
    return doc().slug();
  }

  public String title() {
    return doc().title();
  }

  public Path path() {
    return doc().path();
  }

  public LocalDate date() {
    return doc().date();
  }

  public boolean draft() {
    return doc().draft();
  }

  public List<String> tags() {
    return doc().tags();
  }

  public String summary() {
    return doc().summary();
  }

  /** The query this result answers. */
  public Query query() {
    return query;
  }

  /** Higher ranks first (see the ranking rules in {@link SearchIndex}). */
  public int score() {
    return hit.score();
  }

  /** The best field any query word was found in. */
  public Field field() {
    return hit.field();
  }

  /** The matched parts of the title, as character offsets, for highlighting. */
  public List<Snippet.Range> titleMatches() {
    List<Snippet.Range> out = new ArrayList<>();
    Excerpts.matches(doc().title(), query, out);
    return out;
  }

  /** Where the best body match is (section, anchor, matched word), to open the article at it. */
  public Location location() {
    return best().location();
  }

  /** The snippet around the best match, at most {@link #DEFAULT_WIDTH} columns. */
  public Snippet snippet() {
    return snippet(DEFAULT_WIDTH);
  }

  /** The snippet around the best match, at most {@code width} display columns (at least 8). */
  public Snippet snippet(int width) {
    Excerpts.Best b = best();
    return Excerpts.cut(b.text(), b.ranges(), width);
  }

  private Excerpts.Best best() {
    Excerpts.Best b = best;
    if (b == null) {
      b = excerpts.best(doc(), query);
      best = b;
    }
    return b;
  }

  /** The article's facts (decoded from the store on first use: most results of a long list are never shown). */
  Doc doc() {
    Doc d = doc;
    if (d == null) {
      d = stored.doc(id);
      doc = d;
    }
    return d;
  }

  @Override
  public String toString() {
    return slug() + " (" + score() + ")";
  }
}
