package clinicreader.tui;

import clinicreader.content.Problem;
import clinicreader.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The runtime's side of what the reader remembers: carries out {@link Effect.Persist} on a
 * {@link StateStore}, stamping each change with the time. Bookmarks and read marks are written
 * at once; the reading position while scrolling is written once scrolling pauses for
 * {@link #QUIET}, and at least every {@link #AT_MOST} while it goes on, so a killed reader loses
 * at most a few seconds. A failed write is a one-line warning; the reader keeps working.
 */
public final class ReadingMemory {
  /** How long scrolling must pause before the position is written. */
  public static final Duration QUIET = Duration.ofSeconds(1);
  /** The longest a changed position waits to be written while scrolling goes on. */
  public static final Duration AT_MOST = Duration.ofSeconds(2);

  private static final ReadingMemory NONE = new ReadingMemory(null, Clock.systemUTC(), System::nanoTime);

  private final StateStore store;
  private final Clock clock;
  private final LongSupplier nanos;
  private boolean pending;
  private long firstPending;
  private long lastChange;
  private String lastWarning;

  /** A memory on {@code store} (already loaded). */
  public ReadingMemory(StateStore store) {
    this(Objects.requireNonNull(store, "store"), Clock.systemUTC(), System::nanoTime);
  }

  ReadingMemory(StateStore store, Clock clock, LongSupplier nanos) {
    this.store = store;
    this.clock = clock;
    this.nanos = nanos;
  }

  /** No memory: effects are ignored and nothing is marked (tests, warm-up). */
  public static ReadingMemory none() {
    return NONE;
  }

  /**
   * {@code initial} remembering what the store holds; {@code warnings} (of loading the state or
   * the settings) are shown on the status line one at a time, the first at once.
   */
  public ReaderState start(ReaderState initial, List<String> warnings) {
    if (store == null) return initial;
    MemoryState m = MemoryState.of(store.state(), warnings.isEmpty() ? List.of() : warnings.subList(1, warnings.size()));
    ReaderState s = initial.with(m);
    return warnings.isEmpty() ? s : s.message(warnings.get(0));
  }

  /** Carries out a change; the answer gives the update step the new saved state (null without memory). */
  synchronized Intent persist(Effect.Persist p) {
    if (store == null) return null;
    store.update(s -> p.change().apply(s, clock.instant()));
    if (p.debounced()) {
      long now = nanos.getAsLong();
      if (!pending) firstPending = now;
      pending = true;
      lastChange = now;
      return new Intent.Remembered(store.state(), null);
    }
    pending = false;
    lastWarning = store.save().map(this::shorten).orElse(null);
    return new Intent.Remembered(store.state(), lastWarning);
  }

  /** Writes a waiting position when it is due; answers only when there is a warning to show. */
  synchronized Intent flushIfDue() {
    if (store == null || !pending) return null;
    long now = nanos.getAsLong();
    if (now - lastChange < QUIET.toNanos() && now - firstPending < AT_MOST.toNanos()) return null;
    pending = false;
    String w = report(store.save().map(this::shorten));
    return w == null ? null : new Intent.Remembered(store.state(), w);
  }

  /** Writes everything now (quitting, SIGTERM); the warning, if the write failed. */
  public synchronized Optional<String> flush() {
    if (store == null) return Optional.empty();
    pending = false;
    Optional<String> w = store.save();
    w.ifPresent(x -> lastWarning = x);
    return w;
  }

  /** A warning as the status line shows it: the state directory as ~/... or .../clinic-reader. */
  private String shorten(String warning) {
    Path dir = store.file().getParent();
    String full = Problem.display(dir);
    String shown;
    try {
      Path home = Path.of(System.getProperty("user.home", "")).toAbsolutePath();
      Path abs = dir.toAbsolutePath().normalize();
      shown = abs.startsWith(home) && !abs.equals(home) ? "~/" + home.relativize(abs) : "\u2026/" + abs.getFileName();
    } catch (RuntimeException e) {
      return warning;
    }
    return warning.replace(full, shown);
  }

  /** A save's warning to show, unless it is the same as the last one shown (a disk stays full). */
  private String report(Optional<String> warning) {
    if (warning.isEmpty()) {
      lastWarning = null;
      return null;
    }
    if (warning.get().equals(lastWarning)) return null;
    lastWarning = warning.get();
    return lastWarning;
  }
}
