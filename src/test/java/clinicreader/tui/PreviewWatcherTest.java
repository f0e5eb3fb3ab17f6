package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file watcher on the real file system: every way editors save is seen (in place, a
 * temporary file renamed over the original, delete and create again), each burst once.
 * Waits are bounded; nothing here measures speed.
 */
class PreviewWatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;
  private Path file;
  private final AtomicInteger changes = new AtomicInteger();
  private PreviewWatcher watcher;

  @BeforeEach
  void start() throws IOException {
    file = dir.resolve("draft.md");
    Files.writeString(file, "# one\n");
    Files.writeString(dir.resolve("other.md"), "# other\n");
    // a long poll: what is seen here comes from the folder watch (the poll has its own test);
    // a longer quiet time than the default, so a busy machine cannot split one save in two
    watcher = PreviewWatcher.start(file, changes::incrementAndGet, Duration.ofMillis(300), Duration.ofMinutes(5));
  }

  @AfterEach
  void stop() {
    watcher.close();
  }

  private void awaitChanges(int n) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (changes.get() < n && System.nanoTime() < end) Thread.sleep(20);
    assertThat(changes.get()).as("changes seen").isGreaterThanOrEqualTo(n);
  }

  /** Waits until nothing more arrives for a while, then gives the count. */
  private int settled() throws InterruptedException {
    int seen;
    do {
      seen = changes.get();
      Thread.sleep(600);
    } while (changes.get() != seen);
    return seen;
  }

  @Test
  void aWriteInPlaceIsSeenOnce() throws Exception {
    // truncate, then write in two pieces, as editors that save in place do
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write("# two\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(30);
      out.write("more\n".getBytes(StandardCharsets.UTF_8));
    }
    awaitChanges(1);
    assertThat(settled()).as("one burst, one reload").isEqualTo(1);
  }

  @Test
  void aTemporaryFileRenamedOverTheOriginalIsSeenAndLaterSavesToo() throws Exception {
    for (int i = 1; i <= 3; i++) {
      Path tmp = dir.resolve(".draft.md.swp" + i);
      Files.writeString(tmp, "# version " + i + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      awaitChanges(i);
      settled();
    }
    assertThat(changes.get()).isEqualTo(3);
    assertThat(Files.readString(file)).isEqualTo("# version 3\n");
  }

  @Test
  void aDeleteThenCreateIsSeenAndTheFileIsFollowedAfterwards() throws Exception {
    Files.delete(file);
    Files.writeString(file, "# back again\n");
    awaitChanges(1);
    int after = settled();
    Files.writeString(file, "# and saved once more\n");
    awaitChanges(after + 1);
  }

  @Test
  void otherFilesInTheFolderAreIgnored() throws Exception {
    Files.writeString(dir.resolve("other.md"), "# changed\n");
    Files.writeString(dir.resolve("new.md"), "# new\n");
    Thread.sleep(800);
    assertThat(changes.get()).isZero();
  }

  @Test
  void thePollAloneNoticesAChange() throws Exception {
    watcher.close();
    AtomicInteger polled = new AtomicInteger();
    Path other = dir.resolve("other.md");
    try (PreviewWatcher poll = PreviewWatcher.start(other, polled::incrementAndGet, Duration.ofMillis(50),
        Duration.ofMillis(200))) {
      poll.dropEvents();
      Thread.sleep(100);
      Files.writeString(other, "# a longer text than before\n");
      long end = System.nanoTime() + WAIT.toNanos();
      while (polled.get() == 0 && System.nanoTime() < end) Thread.sleep(20);
      assertThat(polled.get()).isEqualTo(1);
    }
  }
}
