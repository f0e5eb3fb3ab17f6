package clinicreader.state;

import clinicreader.content.Text;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A bookmark at a section of an article: the article's slug, the section's anchor (empty for
 * the top of the article), the label shown in lists ("3. Results"), the line within the
 * section, and when it was made. An article has at most one bookmark per section.
 */
public record Bookmark(String slug, String sectionAnchor, String sectionLabel, int lineInSection, Instant createdAt) {

  /** Newest first; then by article and section, so the order is total. */
  static final Comparator<Bookmark> NEWEST_FIRST = Comparator.comparing(Bookmark::createdAt).reversed()
      .thenComparing(Bookmark::slug).thenComparing(Bookmark::sectionAnchor);

  public Bookmark {
    Objects.requireNonNull(slug, "slug");
    sectionAnchor = sectionAnchor == null ? Position.TOP : sectionAnchor;
    // the label is shown in lists; a hand-edited state file must not put controls on screen
    sectionLabel = sectionLabel == null ? "" : Text.cleanLine(sectionLabel);
    lineInSection = Math.max(0, lineInSection);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The place to open: this bookmark as a reading position. */
  public Position position() {
    return new Position(sectionAnchor, lineInSection, createdAt);
  }

  Key key() {
    return new Key(slug, sectionAnchor);
  }

  /** Which of two bookmarks for one section wins a merge: the later one, ties by content. */
  boolean beats(Bookmark other) {
    int c = createdAt.compareTo(other.createdAt);
    if (c != 0) return c > 0;
    c = sectionLabel.compareTo(other.sectionLabel);
    if (c != 0) return c > 0;
    return lineInSection > other.lineInSection;
  }

  /** A bookmark's identity: one per (article, section). */
  record Key(String slug, String sectionAnchor) {}
}
