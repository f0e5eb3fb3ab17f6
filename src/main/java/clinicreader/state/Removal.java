package clinicreader.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A record that the bookmark at (slug, section) was removed at {@code removedAt}. Kept so that
 * merging with a copy of the state saved before the removal does not bring the bookmark back;
 * a bookmark made after the removal wins over it.
 */
public record Removal(String slug, String sectionAnchor, Instant removedAt) {

  static final Comparator<Removal> ORDER = Comparator.comparing(Removal::slug)
      .thenComparing(Removal::sectionAnchor);

  public Removal {
    Objects.requireNonNull(slug, "slug");
    sectionAnchor = sectionAnchor == null ? Position.TOP : sectionAnchor;
    Objects.requireNonNull(removedAt, "removedAt");
  }

  Bookmark.Key key() {
    return new Bookmark.Key(slug, sectionAnchor);
  }
}
