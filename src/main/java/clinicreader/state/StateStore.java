package clinicreader.state;

import clinicreader.content.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Keeps the {@link ReaderState} in {@code state.json} in a directory (by default
 * {@code $XDG_STATE_HOME/clinic-reader/}). The state lives in memory; {@link #save} writes it.
 *
 * <p>Safety: a save takes a lock ({@code state.lock}), re-reads the file, merges it with the
 * state in memory (so another window's bookmarks are kept), and replaces the file atomically
 * (temporary file in the same directory, fsync, atomic rename, fsync of the directory). A crash
 * at any moment leaves either the old file or the new one. A corrupt file is moved aside as
 * {@code state.json.corrupt-<yyyyMMdd-HHmmss>} and reading starts fresh. Nothing here throws to
 * the caller or prints: problems come back as one-line warnings for the status line, and the
 * state in memory keeps working.
 *
 * <p>Thread-safe: every method is synchronized, and stores on the same directory in one process
 * also exclude each other while saving.
 */
public final class StateStore {
  /** The state file's name. */
  public static final String FILE = "state.json";
  /** The lock file's name; never deleted, since deleting lock files races. */
  static final String LOCK = "state.lock";
  /** Larger state files are treated as corrupt rather than read into memory. */
  static final long MAX_BYTES = 16L << 20;
  /** How long removals of bookmarks are remembered for merging with stale copies. */
  static final Duration KEEP_REMOVALS = Duration.ofDays(180);
  /** How long a save waits for another process's lock before giving up with a warning. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final Map<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

  /** Writes bytes to an open file; replaced in tests to simulate a full disk. */
  @FunctionalInterface
  interface ChannelWriter {
    void write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  private final Path dir;
  private final Clock clock;
  private final ChannelWriter writer;
  private ReaderState state = ReaderState.empty();
  private boolean dirty;

  /** A store on {@code dir} (created on first save); nothing is read until {@link #load}. */
  public StateStore(Path dir) {
    this(dir, Clock.systemDefaultZone());
  }

  /** A store whose clock names corrupt files and ages removals. */
  public StateStore(Path dir, Clock clock) {
    this(dir, clock, StateStore::writeFully);
  }

  StateStore(Path dir, Clock clock, ChannelWriter writer) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  /** {@code $XDG_STATE_HOME/clinic-reader}, else {@code ~/.local/state/clinic-reader}. */
  public static Path defaultDir(Map<String, String> env) {
    return Xdg.base(env, "XDG_STATE_HOME", ".local/state").resolve(Xdg.APP);
  }

  /** The state file. */
  public Path file() {
    return dir.resolve(FILE);
  }

  /** The state in memory. */
  public synchronized ReaderState state() {
    return state;
  }

  /** Changes the state in memory; {@link #save} writes it. */
  public synchronized void update(UnaryOperator<ReaderState> change) {
    ReaderState next = Objects.requireNonNull(change.apply(state), "new state");
    if (!next.equals(state)) {
      state = next;
      dirty = true;
    }
  }

  /**
   * Reads the file and merges it into the state in memory. A missing file is no problem. A
   * corrupt or unreadable one is moved aside and the answer is one warning line.
   */
  @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
  public synchronized Optional<String> load() {
    Disk d = read();
    if (d.problem == null) {
      state = d.state.merge(state);
      return Optional.empty();
    }
    // check again under the lock: another window may have just replaced the file with a good one
    try {
      try (Held held = lock()) {
        Disk again = read();
        if (again.problem == null) {
          state = again.state.merge(state);
          return Optional.empty();
        }
        Path aside = moveAside();
        return Optional.of(corruptWarning(again, aside));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of(Problem.warning(file(), d.line, d.column, d.problem
          + "; could not move it aside (" + reason(e) + "); starting without saved reading state", "state").brief());
    }
  }

  /**
   * Writes the state, merged with whatever the file holds now, and keeps the merged result in
   * memory. Does nothing when nothing changed since the last load or save. Returns a one-line
   * warning when the file could not be written (read-only or full disk, not a directory...);
   * the state in memory is kept and a later save tries again.
   */
  @SuppressWarnings("try") // the lock is held for the block's duration, not used in it
  public synchronized Optional<String> save() {
    if (!dirty) return Optional.empty();
    try {
      createDirectory();
      try (Held held = lock()) {
        deleteStaleTemporaries();
        Disk d = read();
        String warning = null;
        if (d.problem != null) warning = corruptWarning(d, moveAside());
        ReaderState merged = d.state.merge(state).withoutRemovalsBefore(clock.instant().minus(KEEP_REMOVALS));
        write(merged);
        state = merged;
        dirty = false;
        return Optional.ofNullable(warning);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of("could not save reading state in " + Problem.display(dir) + ": " + reason(e)
          + " (kept for this session)");
    }
  }

  // ---- reading ----

  /** The file's state, or an empty state with the reason it could not be read. */
  private record Disk(ReaderState state, String problem, int line, int column) {
    static Disk ok(ReaderState s) {
      return new Disk(s, null, 0, 0);
    }

    static Disk bad(String problem, int line, int column) {
      return new Disk(ReaderState.empty(), problem, line, column);
    }
  }

  private Disk read() {
    Path f = file();
    // no directory yet (or a file in its way) means nothing saved; save() reports the latter
    if (!Files.isDirectory(dir)) return Disk.ok(ReaderState.empty());
    byte[] bytes;
    try {
      if (Files.size(f) > MAX_BYTES) return Disk.bad("state file is larger than " + (MAX_BYTES >> 20) + " MiB", 0, 0);
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Disk.ok(ReaderState.empty());
    } catch (IOException | RuntimeException e) {
      return Disk.bad("cannot read the state file: " + reason(e), 0, 0);
    }
    try {
      ReaderState s = StateJson.MAPPER.readValue(bytes, ReaderState.class);
      if (s == null) return Disk.bad("state file holds no state", 1, 1);
      return Disk.ok(s);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
      int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
      return Disk.bad("not a valid state file: " + firstLine(e.getOriginalMessage()), line, col);
    } catch (IOException | RuntimeException e) {
      return Disk.bad("not a valid state file: " + reason(e), 0, 0);
    }
  }

  private Path moveAside() throws IOException {
    String stamp = ASIDE.format(clock.instant().atZone(clock.getZone()));
    Path aside = dir.resolve(FILE + ".corrupt-" + stamp);
    for (int i = 2; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
      aside = dir.resolve(FILE + ".corrupt-" + stamp + "-" + i);
    }
    Files.move(file(), aside);
    return aside;
  }

  private String corruptWarning(Disk d, Path aside) {
    return Problem.warning(file(), d.line, d.column, d.problem + "; moved it to "
        + aside.getFileName() + " and started without saved reading state", "state").brief();
  }

  // ---- writing ----

  private void createDirectory() throws IOException {
    if (Files.isDirectory(dir)) return;
    try {
      // reading history is personal: keep it to the user where permissions allow
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }

  private void write(ReaderState s) throws IOException {
    byte[] json = StateJson.MAPPER.writeValueAsBytes(s);
    ByteBuffer bytes = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    Path tmp = Files.createTempFile(dir, FILE + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writer.write(ch, bytes);
        ch.force(true);
      }
      try {
        Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover temporary file is removed by the next save
      }
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) ch.write(bytes);
  }

  /** Makes the rename durable; not every platform can open a directory, which is fine. */
  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException ignored) {
      // the rename itself is still atomic
    }
  }

  /** Temporary files left by a save that was killed; only called under the lock. */
  private void deleteStaleTemporaries() {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, FILE + ".*.tmp")) {
      for (Path p : s) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // harmless; tried again next time
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // harmless; tried again next time
    }
  }

  // ---- locking ----

  /** The process-wide lock and the file lock, released together. */
  private static final class Held implements AutoCloseable {
    private final ReentrantLock processLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    Held(ReentrantLock processLock, FileChannel channel, FileLock fileLock) {
      this.processLock = processLock;
      this.channel = channel;
      this.fileLock = fileLock;
    }

    @Override
    public void close() {
      try {
        fileLock.release();
      } catch (IOException | RuntimeException ignored) {
        // closing the channel releases it too
      }
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      processLock.unlock();
    }
  }

  /**
   * Takes the lock. File locks belong to the whole process (a second lock from this process
   * would fail), so stores in one process first take a lock shared through this class.
   */
  private Held lock() throws IOException {
    ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new ReentrantLock());
    processLock.lock();
    FileChannel ch = null;
    try {
      ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
      while (true) {
        FileLock fl = ch.tryLock();
        if (fl != null) return new Held(processLock, ch, fl);
        if (System.nanoTime() > deadline) throw new IOException("another clinic-reader is holding " + LOCK);
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(ch);
      processLock.unlock();
      throw new IOException("interrupted while waiting for " + LOCK, e);
    } catch (IOException | RuntimeException e) {
      close(ch);
      processLock.unlock();
      throw e;
    }
  }

  private static void close(FileChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }

  // ---- messages ----

  /** A short reason for a failure, without a stack trace. */
  static String reason(Throwable e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file is in the way of the directory";
    }
    if (e instanceof NoSuchFileException) return "no such file or directory";
    if (e instanceof FileSystemException fse && fse.getReason() != null) return firstLine(fse.getReason());
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : firstLine(m);
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String t = s.strip();
    int nl = t.indexOf('\n');
    if (nl >= 0) t = t.substring(0, nl).strip();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
