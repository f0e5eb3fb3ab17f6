package clinicreader.tui;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches one file for saves on its own thread and calls {@code onChange} once per burst of
 * changes (debounced). It watches the file's folder, not the file, so saves that write a
 * temporary file and rename it over the original (vim, many IDEs), in-place rewrites and
 * delete-then-create are all seen; a cheap poll of size, time and file identity catches any
 * event the folder watch misses.
 */
final class PreviewWatcher implements AutoCloseable {
  /** Quiet time after the last change before {@code onChange} runs. */
  static final Duration DEBOUNCE = Duration.ofMillis(150);
  /** How often the fallback poll looks at the file. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final Path file;
  private final Path dir;
  private final Path name;
  private final Runnable onChange;
  private final long debounceNanos;
  private final long pollNanos;
  private final Thread thread;
  private volatile boolean closed;
  private volatile WatchService watch;

  private PreviewWatcher(Path file, Runnable onChange, Duration debounce, Duration poll) {
    this.file = file.toAbsolutePath().normalize();
    this.dir = this.file.getParent();
    this.name = this.file.getFileName();
    this.onChange = onChange;
    this.debounceNanos = debounce.toNanos();
    this.pollNanos = poll.toNanos();
    this.thread = new Thread(this::run, "clinic-reader-watch");
    thread.setDaemon(true);
  }

  /** Starts watching {@code file}; {@code onChange} runs on the watcher's thread. */
  static PreviewWatcher start(Path file, Runnable onChange) {
    return start(file, onChange, DEBOUNCE, POLL);
  }

  static PreviewWatcher start(Path file, Runnable onChange, Duration debounce, Duration poll) {
    PreviewWatcher w = new PreviewWatcher(file, onChange, debounce, poll);
    w.register();
    w.thread.start();
    return w;
  }

  private void register() {
    try {
      watch = FileSystems.getDefault().newWatchService();
      dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException | RuntimeException e) {
      // no events (an unusual file system): the poll alone notices saves
      closeWatch();
    }
  }

  private void run() {
    Stamp last = Stamp.of(file);
    long pending = -1;
    long nextPoll = System.nanoTime() + pollNanos;
    while (!closed) {
      try {
        long now = System.nanoTime();
        long wait = Math.min(nextPoll - now, pending >= 0 ? pending + debounceNanos - now : Long.MAX_VALUE);
        boolean event = waitForEvent(Math.max(1, wait));
        now = System.nanoTime();
        if (event) pending = now;
        if (now >= nextPoll) {
          nextPoll = now + pollNanos;
          if (!Stamp.of(file).equals(last)) pending = pending >= 0 ? pending : now - debounceNanos;
        }
        if (pending >= 0 && now - pending >= debounceNanos) {
          pending = -1;
          last = Stamp.of(file);
          if (!closed) onChange.run();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a failing callback must not stop the watching; the next save tries again
        pending = -1;
      }
    }
  }

  /** Waits up to {@code nanos} for an event about the file; true when there was one. */
  private boolean waitForEvent(long nanos) throws InterruptedException {
    if (watch == null) {
      TimeUnit.NANOSECONDS.sleep(Math.min(nanos, pollNanos));
      return false;
    }
    WatchKey key;
    try {
      key = watch.poll(nanos, TimeUnit.NANOSECONDS);
    } catch (ClosedWatchServiceException e) {
      return false;
    }
    if (key == null) return false;
    boolean ours = false;
    for (WatchEvent<?> e : key.pollEvents()) {
      // an overflow may have dropped our file's event: treat it as a change
      if (e.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(e.context())) ours = true;
    }
    if (!key.reset()) {
      // the folder itself went away or was renamed: only the poll can follow the file now
      closeWatch();
    }
    return ours;
  }

  private void closeWatch() {
    try {
      if (watch != null) watch.close();
    } catch (IOException ignored) {
      // nothing left to release
    }
    watch = null;
  }

  /** Stops the folder watch and keeps only the poll (to test the poll alone). */
  void dropEvents() {
    closeWatch();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeWatch();
  }

  /** What the poll compares: size, modification time and file identity (a rename-over changes it). */
  private record Stamp(long size, long modified, Object key) {
    static Stamp of(Path f) {
      try {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
      } catch (IOException e) {
        return new Stamp(-1, -1, null);
      }
    }
  }
}
