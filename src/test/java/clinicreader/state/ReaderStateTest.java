package clinicreader.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReaderStateTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void togglingAddsThenRemovesOneBookmarkPerSection() {
    ReaderState s = ReaderState.empty()
        .toggleBookmark("tms", "results", "3. Results", 4, t(1))
        .toggleBookmark("tms", "methods", "2. Methods", 0, t(2));
    assertThat(s.bookmarks()).extracting(Bookmark::sectionAnchor).containsExactly("methods", "results");
    assertThat(s.isBookmarked("tms", "results")).isTrue();

    ReaderState off = s.toggleBookmark("tms", "results", "3. Results", 9, t(3));
    assertThat(off.isBookmarked("tms", "results")).isFalse();
    assertThat(off.bookmarks()).extracting(Bookmark::sectionAnchor).containsExactly("methods");
    assertThat(off.removedBookmarks()).extracting(Removal::sectionAnchor).containsExactly("results");

    ReaderState again = off.toggleBookmark("tms", "results", "3. Results", 2, t(4));
    assertThat(again.bookmark("tms", "results")).get().extracting(Bookmark::lineInSection).isEqualTo(2);
    assertThat(again.removedBookmarks()).isEmpty();
  }

  @Test
  void togglingTwiceInOneClockTickStillRemoves() {
    ReaderState s = ReaderState.empty().toggleBookmark("a", "x", "1. X", 0, t(1));
    ReaderState off = s.toggleBookmark("a", "x", "1. X", 0, t(1));
    assertThat(off.bookmarks()).isEmpty();
    ReaderState on = off.toggleBookmark("a", "x", "1. X", 0, t(1));
    assertThat(on.bookmarks()).hasSize(1);
    // and a stale copy that still has the first bookmark does not undo the removal
    assertThat(off.merge(s).bookmarks()).isEmpty();
    assertThat(on.merge(off).merge(s).bookmarks()).hasSize(1);
  }

  @Test
  void aRemovalSurvivesMergingWithACopySavedBeforeIt() {
    ReaderState before = ReaderState.empty().toggleBookmark("a", "x", "1. X", 0, t(1));
    ReaderState removed = before.toggleBookmark("a", "x", "1. X", 0, t(5));
    assertThat(before.merge(removed).isBookmarked("a", "x")).isFalse();
    assertThat(removed.merge(before).isBookmarked("a", "x")).isFalse();
  }

  @Test
  void bookmarksAddedInTwoCopiesAreBothKept() {
    ReaderState base = ReaderState.empty().toggleBookmark("a", "x", "1. X", 0, t(1));
    ReaderState one = base.toggleBookmark("b", "y", "2. Y", 0, t(2));
    ReaderState two = base.toggleBookmark("c", "", "top", 0, t(3)).toggleBookmark("a", "x", "1. X", 0, t(4));
    ReaderState merged = one.merge(two);
    assertThat(merged.bookmarks()).extracting(Bookmark::slug).containsExactly("c", "b");
    assertThat(merged.isBookmarked("a", "x")).isFalse();
    assertThat(merged.bookmarkedSlugs()).containsExactly("c", "b");
  }

  @Test
  void newestPositionWinsAMerge() {
    ReaderState a = ReaderState.empty().withPosition("a", new Position("results", 3, t(10)));
    ReaderState b = ReaderState.empty().withPosition("a", new Position("intro", 1, t(20)));
    assertThat(a.merge(b).position("a")).get().extracting(Position::sectionAnchor).isEqualTo("intro");
    assertThat(b.merge(a).position("a")).get().extracting(Position::sectionAnchor).isEqualTo("intro");
  }

  @Test
  void readMarksFollowTheLastChange() {
    ReaderState read = ReaderState.empty().markRead("a", t(1));
    ReaderState unread = read.markUnread("a", t(2));
    assertThat(read.isRead("a")).isTrue();
    assertThat(unread.isRead("a")).isFalse();
    assertThat(read.merge(unread).isRead("a")).isFalse();
    assertThat(unread.merge(read).isRead("a")).isFalse();
    assertThat(ReaderState.empty().isRead("never-seen")).isFalse();
  }

  @Test
  void recentListsTheLastOpenedNewestFirst() {
    ReaderState s = ReaderState.empty()
        .withOpened("a", t(1)).withOpened("b", t(2)).withOpened("c", t(3)).withOpened("a", t(4))
        .withPosition("d", new Position("", 0, t(9)));
    assertThat(s.recent(2)).containsExactly("a", "c");
    assertThat(s.recent(10)).containsExactly("a", "c", "b");
    assertThat(s.recent(0)).isEmpty();
  }

  @Test
  void oldRemovalsAreForgotten() {
    ReaderState s = ReaderState.empty()
        .toggleBookmark("a", "x", "", 0, t(1)).toggleBookmark("a", "x", "", 0, t(2))
        .toggleBookmark("b", "y", "", 0, t(3)).toggleBookmark("b", "y", "", 0, t(100));
    assertThat(s.withoutRemovalsBefore(t(50)).removedBookmarks()).extracting(Removal::slug).containsExactly("b");
  }

  @Test
  void labelsFromAFileCannotCarryTerminalControls() {
    Bookmark b = new Bookmark("a", "x", "3. Res\u001b[2Jults", 0, t(1));
    assertThat(b.sectionLabel()).doesNotContain("\u001b").contains("Res");
  }

  @Test
  void writesAVersionAndReadsItBack() throws Exception {
    ReaderState s = ReaderState.empty().toggleBookmark("a", "x", "1. X", 2, t(1))
        .withPosition("a", new Position("x", 2, t(2))).markRead("a", t(3)).withOpened("a", t(3));
    String json = StateJson.MAPPER.writeValueAsString(s);
    assertThat(json).contains("\"version\" : 1").contains("\"sectionAnchor\" : \"x\"").contains("2025-03-01T10:00:02Z");
    assertThat(StateJson.MAPPER.readValue(json, ReaderState.class)).isEqualTo(s);
  }

  @Test
  void readsAFileWithFieldsFromANewerVersion() throws Exception {
    String json = "{\"version\":7,\"articles\":{\"a\":{\"read\":true,\"readChangedAt\":\"2025-01-01T00:00:00Z\",\"colour\":1}},"
        + "\"bookmarks\":[],\"future\":[1,2]}";
    assertThat(StateJson.MAPPER.readValue(json, ReaderState.class).isRead("a")).isTrue();
  }
}
