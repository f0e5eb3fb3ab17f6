package clinicreader.tui;

import clinicreader.state.Position;
import java.time.Instant;

/**
 * A change to what the reader remembers, as data: the update step names it in an
 * {@link Effect.Persist}, and the runtime applies it to the saved state with the time of day
 * (the update step has no clock) and writes it.
 */
public sealed interface MemoryChange {
  /** This change applied to {@code s} at {@code at}. */
  clinicreader.state.ReaderState apply(clinicreader.state.ReaderState s, Instant at);

  /** The reading position in {@code slug}: section anchor and line within the section. */
  record Place(String slug, String sectionAnchor, int lineInSection) implements MemoryChange {
    @Override
    public clinicreader.state.ReaderState apply(clinicreader.state.ReaderState s, Instant at) {
      return s.withPosition(slug, new Position(sectionAnchor, lineInSection, at));
    }
  }

  /** {@code slug} was opened: it is now read and the most recent. */
  record Opened(String slug) implements MemoryChange {
    @Override
    public clinicreader.state.ReaderState apply(clinicreader.state.ReaderState s, Instant at) {
      return s.withOpened(slug, at).markRead(slug, at);
    }
  }

  /** Marks {@code slug} read or unread. */
  record Read(String slug, boolean read) implements MemoryChange {
    @Override
    public clinicreader.state.ReaderState apply(clinicreader.state.ReaderState s, Instant at) {
      return read ? s.markRead(slug, at) : s.markUnread(slug, at);
    }
  }

  /** Adds the bookmark at (slug, section), or removes the one there. */
  record ToggleBookmark(String slug, String sectionAnchor, String label, int lineInSection) implements MemoryChange {
    @Override
    public clinicreader.state.ReaderState apply(clinicreader.state.ReaderState s, Instant at) {
      return s.toggleBookmark(slug, sectionAnchor, label, lineInSection, at);
    }
  }

  /** Removes the bookmark at (slug, section), if there is one. */
  record RemoveBookmark(String slug, String sectionAnchor) implements MemoryChange {
    @Override
    public clinicreader.state.ReaderState apply(clinicreader.state.ReaderState s, Instant at) {
      return s.removeBookmark(slug, sectionAnchor, at);
    }
  }
}
