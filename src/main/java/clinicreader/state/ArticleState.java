package clinicreader.state;

import java.time.Instant;

/**
 * What is remembered about one article: the last reading position ({@code null} if none),
 * whether it has been read and when that last changed ({@code null} if never), and when it was
 * last opened ({@code null} if never).
 */
public record ArticleState(Position position, boolean read, Instant readChangedAt, Instant lastOpened) {

  /** Nothing remembered. */
  public static final ArticleState NONE = new ArticleState(null, false, null, null);

  public ArticleState {
    if (readChangedAt == null) read = false;
  }

  ArticleState withPosition(Position p) {
    return new ArticleState(p, read, readChangedAt, lastOpened);
  }

  ArticleState withRead(boolean r, Instant at) {
    return new ArticleState(position, r, at, lastOpened);
  }

  ArticleState withOpened(Instant at) {
    return new ArticleState(position, read, readChangedAt, at);
  }

  /** Each part from whichever side changed it last. */
  ArticleState merge(ArticleState o) {
    Position p = position == null ? o.position
        : o.position == null ? position : (o.position.newerThan(position) ? o.position : position);
    boolean r = read;
    Instant rc = readChangedAt;
    if (o.readChangedAt != null && (rc == null || o.readChangedAt.isAfter(rc)
        || (o.readChangedAt.equals(rc) && o.read))) {
      r = o.read;
      rc = o.readChangedAt;
    }
    Instant opened = lastOpened == null ? o.lastOpened
        : o.lastOpened == null ? lastOpened : (o.lastOpened.isAfter(lastOpened) ? o.lastOpened : lastOpened);
    return new ArticleState(p, r, rc, opened);
  }
}
