package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the runtime writes what the reader remembers: at once, or once scrolling pauses. */
class ReadingMemoryTest {
  @TempDir Path dir;
  private final AtomicLong nanos = new AtomicLong();

  private ReadingMemory memory() {
    return new ReadingMemory(new StateStore(dir), Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC), nanos::get);
  }

  private static Effect.Persist scroll(int line) {
    return new Effect.Persist(new MemoryChange.Place("a", "results", line), true);
  }

  private clinicreader.state.ReaderState onDisk() {
    StateStore s = new StateStore(dir);
    assertThat(s.load()).isEmpty();
    return s.state();
  }

  private void advanceMillis(long ms) {
    nanos.addAndGet(ms * 1_000_000);
  }

  @Test
  void bookmarksAndReadMarksAreWrittenAtOnce() {
    ReadingMemory m = memory();
    Intent answer = m.persist(new Effect.Persist(new MemoryChange.ToggleBookmark("a", "results", "3. Results", 0), false));
    assertThat(answer).isInstanceOfSatisfying(Intent.Remembered.class, r -> {
      assertThat(r.warning()).isNull();
      assertThat(r.saved().isBookmarked("a", "results")).isTrue();
    });
    assertThat(onDisk().isBookmarked("a", "results")).isTrue();
  }

  @Test
  void theScrolledPositionIsWrittenOnceScrollingPauses() {
    ReadingMemory m = memory();
    assertThat(m.persist(scroll(1))).isInstanceOf(Intent.Remembered.class);
    assertThat(Files.exists(dir.resolve(StateStore.FILE))).isFalse();
    advanceMillis(900);
    assertThat(m.flushIfDue()).isNull();
    assertThat(Files.exists(dir.resolve(StateStore.FILE))).isFalse();
    advanceMillis(200);
    assertThat(m.flushIfDue()).isNull();
    assertThat(onDisk().position("a").orElseThrow().lineInSection()).isEqualTo(1);
  }

  @Test
  void whileScrollingGoesOnThePositionIsWrittenEveryTwoSeconds() {
    ReadingMemory m = memory();
    for (int i = 0; i < 19; i++) {
      m.persist(scroll(i));
      m.flushIfDue();
      advanceMillis(100);
    }
    assertThat(Files.exists(dir.resolve(StateStore.FILE))).as("after 1.9 s").isFalse();
    advanceMillis(100);
    m.persist(scroll(20));
    m.flushIfDue();
    assertThat(onDisk().position("a").orElseThrow().lineInSection()).isEqualTo(20);
  }

  @Test
  void flushWritesWhatIsWaiting() {
    ReadingMemory m = memory();
    m.persist(scroll(7));
    assertThat(m.flush()).isEmpty();
    assertThat(onDisk().position("a").orElseThrow().lineInSection()).isEqualTo(7);
  }

  @Test
  void aFailingWriteIsOneWarningNotRepeatedWhileScrolling() throws Exception {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "x");
    ReadingMemory m = new ReadingMemory(new StateStore(blocker.resolve("clinic-reader")), Clock.systemUTC(), nanos::get);
    m.persist(scroll(1));
    advanceMillis(1500);
    Intent first = m.flushIfDue();
    assertThat(first).isInstanceOfSatisfying(Intent.Remembered.class, r -> assertThat(r.warning()).contains("could not save"));
    m.persist(scroll(2));
    advanceMillis(1500);
    assertThat(m.flushIfDue()).as("the same warning again is not shown").isNull();
    assertThat(m.flush()).isPresent();
  }

  @Test
  void noMemoryIgnoresEverything() {
    ReadingMemory none = ReadingMemory.none();
    assertThat(none.persist(scroll(1))).isNull();
    assertThat(none.flushIfDue()).isNull();
    assertThat(none.flush()).isEmpty();
  }
}
