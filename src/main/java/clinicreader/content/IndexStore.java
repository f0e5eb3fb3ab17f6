package clinicreader.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A cache of the library's front matter on disk, so that listing a large library does not
 * re-read every file. An entry is keyed by the file's absolute path, size and modification time;
 * any difference re-reads the file. Entries modified less than {@link #RACY_NANOS} before the
 * library was opened are never stored: an edit in the same clock tick as the read would keep
 * size and time and could otherwise go unnoticed.
 * A missing, unreadable or foreign cache file is ignored and rewritten, never an error.
 */
public final class IndexStore {
  /** Bump when the stored fields or the way they are derived change. */
  private static final int FORMAT = 2;
  private static final long MAGIC = 0x436c696e49647831L;
  /** Files changed this shortly before the opening started (or later) are not stored. */
  static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Path dir;
  /** The thread writing the last save, when saves are written in the background. */
  private Thread writer;
  private boolean background;

  /** A store keeping its files in {@code dir} (created when first written). */
  public IndexStore(Path dir) {
    this.dir = dir;
  }

  /**
   * The user's store: {@code $XDG_CACHE_HOME/clinic-reader}, else {@code ~/.cache/clinic-reader};
   * {@code null} (no caching) when {@code CLINIC_READER_NO_CACHE} is set or there is no home.
   */
  public static IndexStore userDefault() {
    String off = System.getenv("CLINIC_READER_NO_CACHE");
    if (off != null && !off.isEmpty()) return null;
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return new IndexStore(Path.of(xdg, "clinic-reader"));
    }
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank() || home.equals("?")) return null;
    return new IndexStore(Path.of(home, ".cache", "clinic-reader"));
  }

  /**
   * Writes this store's saves on a thread of their own, so a command goes on with its output
   * while the cache is written; the command must {@link #awaitSaves} before it ends.
   */
  public IndexStore inBackground() {
    background = true;
    return this;
  }

  /** Waits until every save started in the background is written (or has failed). */
  public void awaitSaves() {
    Thread t = writer;
    if (t == null) return;
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** The directory holding the cache files. */
  public Path dir() {
    return dir;
  }

  /** A file's identity for the cache (equals written out: a record's is linked through method handles on first use). */
  record Key(long size, long mtimeNanos) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.size == size && k.mtimeNanos == mtimeNanos;
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(size) + Long.hashCode(mtimeNanos);
    }
  }

  /** A cached article and the key it was read with. */
  record Entry(Key key, ArticleMeta meta) {}

  /** The cached entries of one library, by absolute path; filled by {@link Library#open}. */
  static final class Snapshot {
    final Map<String, Entry> entries;
    /** The entries of this opening; sized by {@link #expect} before the files are read. */
    Map<String, Entry> next = new ConcurrentHashMap<>();
    /** The clock when the opening started, before any file was looked at. */
    final long startNanos = System.currentTimeMillis() * 1_000_000L;
    volatile boolean changed;

    Snapshot(Map<String, Entry> entries) {
      this.entries = entries;
    }

    /** The cached article for {@code path} when its key still matches, else null. */
    ArticleMeta lookup(String path, Key key) {
      Entry e = entries.get(path);
      if (e == null || !e.key().equals(key)) return null;
      next.put(path, e);
      return e.meta();
    }

    /**
     * Sizes the entries of this opening for {@code files} files, so that the map does not grow
     * (copying itself) while the files are read on both cores; called before any is read.
     */
    void expect(int files) {
      if (next.isEmpty()) next = new ConcurrentHashMap<>(files + files / 3 + 16);
    }

    void put(String path, Key key, ArticleMeta meta) {
      next.put(path, new Entry(key, meta));
      changed = true;
    }
  }

  Path fileFor(Path root) {
    return dir.resolve("index-" + CacheFiles.nameHash(root.toString()) + ".bin");
  }

  private static void strings(CacheBytes out, List<String> l) {
    out.putInt(l.size());
    for (String s : l) out.putString(s);
  }

  /** Reads the cached entries of the library at {@code root} (absolute); empty when none. */
  Snapshot load(Path root) {
    Path f = fileFor(root);
    if (!Files.isRegularFile(f)) return new Snapshot(Map.of());
    try {
      // one read and a plain buffer: a DataInputStream pays a call per field
      Reader in = new Reader(Files.readAllBytes(f));
      if (in.readLong() != MAGIC || in.readInt() != FORMAT || !root.toString().equals(in.readStr())) {
        return new Snapshot(Map.of());
      }
      int n = in.readInt();
      if (n < 0 || n > 10_000_000) return new Snapshot(Map.of());
      Map<String, Entry> map = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = in.readStr();
        Key key = new Key(in.readLong(), in.readLong());
        map.put(path, new Entry(key, readMeta(in, Path.of(path))));
      }
      return new Snapshot(map);
    } catch (IOException | RuntimeException e) {
      return new Snapshot(Map.of());
    }
  }

  /** Writes the entries seen in this opening, when anything changed; failures are ignored. */
  void save(Path root, Snapshot s) {
    if (!s.changed && s.next.size() == s.entries.size()) return;
    if (background) {
      awaitSaves();
      Thread t = new Thread(() -> write(root, s), "clinic-reader-index");
      writer = t;
      t.start();
    } else {
      write(root, s);
    }
  }

  private void write(Path root, Snapshot s) {
    List<Map.Entry<String, Entry>> list = new ArrayList<>();
    for (Map.Entry<String, Entry> e : s.next.entrySet()) {
      if (s.startNanos - e.getValue().key().mtimeNanos() >= RACY_NANOS) list.add(e);
    }
    CacheBytes out = new CacheBytes((1 << 16) + list.size() * 512);
    out.putLong(MAGIC);
    out.putInt(FORMAT);
    out.putString(root.toString());
    out.putInt(list.size());
    for (Map.Entry<String, Entry> e : list) {
      out.putString(e.getKey());
      out.putLong(e.getValue().key().size());
      out.putLong(e.getValue().key().mtimeNanos());
      writeMeta(out, e.getValue().meta());
    }
    CacheFiles.replace(fileFor(root), "index-", os -> CacheFiles.write(os, out.array(), 0, out.size()));
  }

  private static void writeMeta(CacheBytes out, ArticleMeta m) {
    out.putString(m.slug());
    FrontMatter f = m.front();
    out.putString(f.title());
    out.putString(f.date() == null ? null : f.date().toString());
    out.putString(f.author());
    out.putString(f.summary());
    strings(out, f.tags());
    strings(out, f.related());
    out.putString(f.cta());
    out.putBoolean(f.draft());
    out.putInt(f.keyLines().size());
    for (Map.Entry<String, Integer> e : f.keyLines().entrySet()) {
      out.putString(e.getKey());
      out.putInt(e.getValue());
    }
    strings(out, f.unknownKeys());
    out.putInt(m.words());
    out.putInt(m.outline().sections().size());
    for (Outline.Section s : m.outline().sections()) {
      out.putString(s.number());
      out.putInt(s.level());
      out.putString(s.title());
      out.putString(s.anchor());
      out.putInt(s.sourceLine());
    }
  }

  private static ArticleMeta readMeta(Reader in, Path path) throws IOException {
    String slug = in.readStr();
    String title = in.readStr();
    String date = in.readStr();
    String author = in.readStr();
    String summary = in.readStr();
    List<String> tags = in.readStrings();
    List<String> related = in.readStrings();
    String cta = in.readStr();
    boolean draft = in.readBoolean();
    int nk = in.readInt();
    Map<String, Integer> keyLines = new HashMap<>();
    for (int i = 0; i < nk; i++) keyLines.put(in.readStr(), in.readInt());
    List<String> unknown = in.readStrings();
    int words = in.readInt();
    int ns = in.readInt();
    if (ns < 0 || ns > 1_000_000) throw new IOException("corrupt cache");
    List<Outline.Section> sections = new ArrayList<>(ns);
    for (int i = 0; i < ns; i++) {
      sections.add(new Outline.Section(in.readStr(), in.readInt(), in.readStr(), in.readStr(), in.readInt()));
    }
    FrontMatter fm = new FrontMatter(title, date == null ? null : LocalDate.parse(date), author, summary, tags,
        related, cta, draft, keyLines, unknown);
    return new ArticleMeta(slug, path, fm, words, new Outline(sections));
  }

  /** Reads what {@link CacheBytes} wrote (a data stream's format), from a byte array. */
  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    private void need(int n) throws IOException {
      if (n < 0 || pos + n > b.length) throw new IOException("truncated cache");
    }

    int readInt() throws IOException {
      need(4);
      int v = ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    long readLong() throws IOException {
      return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    boolean readBoolean() throws IOException {
      need(1);
      return b[pos++] != 0;
    }

    String readStr() throws IOException {
      int n = readInt();
      if (n < 0) return null;
      need(n);
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    List<String> readStrings() throws IOException {
      int n = readInt();
      if (n < 0 || n > 1_000_000) throw new IOException("corrupt cache");
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) l.add(readStr());
      return l;
    }
  }

  /** Used by tests: whether a cache file exists for {@code root}. */
  boolean has(Path root) {
    return Files.isRegularFile(fileFor(root));
  }
}
