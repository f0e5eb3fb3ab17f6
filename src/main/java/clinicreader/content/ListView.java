package clinicreader.content;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A cache of what {@code list} prints for a whole library: per article, in the library's date
 * order, the bytes of its entry in each output form (opaque here; the command makes them) and
 * whether it is a draft, together with the path, size and modification time of every file the
 * library was made from. A later opening that finds exactly the same files, unchanged, prints the
 * stored bytes without reading any article or the {@link IndexStore}; anything else (a file
 * added, removed or changed, a warning, a link, a file changed too recently to trust its time)
 * means the library is opened as usual.
 *
 * <p>The file is versioned and checksummed and names its root and working directory (paths are
 * printed relative to it); a missing, old, foreign or damaged one is ignored and rewritten.
 */
public final class ListView {
  private static final long MAGIC = 0x436c696e4c737431L;
  /** Bump when the stored fields or the way the command makes an entry's bytes change. */
  private static final int FORMAT = 1;

  private final ByteBuffer[] data;
  private final byte[] draft;
  /** Per form, the start of each entry in its {@link #data} and, last, the end of the form's entries. */
  private final int[][] starts;

  private ListView(ByteBuffer[] data, byte[] draft, int[][] starts) {
    this.data = data;
    this.draft = draft;
    this.starts = starts;
  }

  /** The number of articles, drafts included. */
  public int size() {
    return draft.length;
  }

  /** Whether article {@code i} (in date order) is a draft. */
  public boolean draft(int i) {
    return draft[i] != 0;
  }

  /**
   * The bytes of form {@code form} (read-only, possibly a mapping of the cache file): its
   * entries lie back to back in date order, so a run of articles is one range.
   */
  public ByteBuffer data(int form) {
    return data[form];
  }

  /** Where article {@code i}'s bytes of form {@code form} start in {@link #data()}. */
  public int start(int i, int form) {
    return starts[form][i];
  }

  /** Where article {@code i}'s bytes of form {@code form} end in {@link #data()}. */
  public int end(int i, int form) {
    return starts[form][i + 1];
  }

  /**
   * A view of {@code items} held in memory: {@code forms[k]} holds every article's entry of form
   * {@code k} back to back, article {@code i}'s from {@code starts[k][i]} to {@code starts[k][i + 1]}.
   */
  public static ListView of(List<ArticleMeta> items, byte[][] forms, int[][] starts) {
    int n = items.size();
    byte[] draft = new byte[n];
    for (int i = 0; i < n; i++) draft[i] = (byte) (items.get(i).front().draft() ? 1 : 0);
    ByteBuffer[] data = new ByteBuffer[forms.length];
    for (int k = 0; k < forms.length; k++) {
      if (starts[k].length != n + 1 || starts[k][n] > forms[k].length) throw new IllegalArgumentException("entries");
      data[k] = ByteBuffer.wrap(forms[k]).asReadOnlyBuffer();
    }
    return new ListView(data, draft, starts);
  }

  static Path fileFor(IndexStore store, Path root, String cwd) {
    return store.dir().resolve("list-" + IndexStore.hash(root + "\0" + cwd) + ".bin");
  }

  private static String cwd() {
    return Path.of("").toAbsolutePath().toString();
  }

  /**
   * The stored view of the library at {@code root} when every article file is exactly as it was
   * stored (and within {@code maxBytes}), else null. Never an error: a bad cache is a miss.
   */
  public static ListView lookup(IndexStore store, Path root, long maxBytes, int forms) {
    if (store == null) return null;
    try {
      Path abs = root.toAbsolutePath().normalize();
      String cwd = cwd();
      Path f = fileFor(store, abs, cwd);
      ByteBuffer b;
      // mapped, not read: the entries go from the page cache to the output without a copy on the heap
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
        long len = ch.size();
        if (len < 24 || len > Integer.MAX_VALUE) return null;
        b = ch.map(FileChannel.MapMode.READ_ONLY, 0, len);
      }
      // header, body, then the body's length and checksum
      if (b.getLong() != MAGIC || b.getInt() != FORMAT || b.getInt() != forms) return null;
      int bodyStart = b.position();
      int bodyEnd = b.limit() - 8;
      if (b.getInt(bodyEnd) != bodyEnd - bodyStart) return null;
      long crc = b.getInt(bodyEnd + 4) & 0xFFFFFFFFL;
      CRC32 c = new CRC32();
      c.update(b.duplicate().limit(bodyEnd));
      if (c.getValue() != crc) return null;
      b.limit(bodyEnd);
      if (!abs.toString().equals(str(b)) || !cwd.equals(str(b))) return null;
      int n = b.getInt();
      if (n <= 0 || n > 10_000_000) return null;
      Map<String, long[]> files = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = str(b);
        long size = b.getLong();
        long mtime = b.getLong();
        if (size > maxBytes) return null;
        files.put(path, new long[] {size, mtime});
      }
      byte[] draft = new byte[n];
      b.get(draft);
      int[][] starts = new int[forms][n + 1];
      for (int k = 0; k < forms; k++) {
        int[] s = starts[k];
        for (int i = 0; i < n; i++) {
          int len = b.getInt();
          if (len < 0) return null;
          s[i + 1] = s[i] + len;
        }
      }
      int pos = b.position();
      for (int k = 0; k < forms; k++) {
        int[] s = starts[k];
        for (int i = 0; i <= n; i++) s[i] += pos;
        pos = s[n];
        if (pos < 0 || pos > b.limit()) return null;
      }
      if (pos != b.limit()) return null;
      if (!unchanged(abs, files)) return null;
      ByteBuffer[] data = new ByteBuffer[forms];
      java.util.Arrays.fill(data, b.position(0));
      return new ListView(data, draft, starts);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether the files under {@code root} are exactly the stored ones, each with its stored size
   * and time. It finds the files {@link Library#walk} finds (links not followed, hidden entries
   * skipped); anything the library would warn about or skip silently (a folder named like an
   * article, a link, a file it cannot look at) is a difference. The root's entries are looked at
   * by two threads, one half each: one {@code stat} per file is most of a warm listing.
   */
  private static boolean unchanged(Path root, Map<String, long[]> files) throws IOException {
    List<Path> entries = new ArrayList<>(files.size() + 16);
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
      for (Path p : dir) entries.add(p);
    }
    int half = entries.size() / 2;
    Checker other = new Checker(entries.subList(half, entries.size()), files);
    Thread t = null;
    if (half >= 256) {
      t = new Thread(other, "list-check");
      t.setDaemon(true);
      t.start();
    } else {
      other.run();
    }
    Checker mine = new Checker(entries.subList(0, half), files);
    mine.run();
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return mine.same && other.same && mine.seen + other.seen == files.size();
  }

  /** Checks some entries of the root (and the folders among them, whole) against the stored files. */
  private static final class Checker implements Runnable {
    private final List<Path> entries;
    private final Map<String, long[]> files;
    boolean same = true;
    int seen;

    Checker(List<Path> entries, Map<String, long[]> files) {
      this.entries = entries;
      this.files = files;
    }

    @Override
    public void run() {
      try {
        for (Path p : entries) {
          if (!check(p)) {
            same = false;
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        same = false;
      }
    }

    private boolean check(Path p) throws IOException {
      String name = p.getFileName().toString();
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isDirectory()) {
        if (name.startsWith(".")) return true;
        if (name.endsWith(".md")) return false;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(p)) {
          for (Path q : dir) if (!check(q)) return false;
        }
        return true;
      }
      if (!name.endsWith(".md") || name.startsWith(".")) return true;
      long[] key = files.get(p.toString());
      if (key == null || !attrs.isRegularFile() || attrs.size() != key[0]
          || attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) != key[1]) {
        return false;
      }
      seen++;
      return true;
    }
  }

  /**
   * Stores {@code view} (made by {@link #of} from {@code lib.all()}) when the library can be
   * trusted whole: no warnings, and every article read under a key older than
   * {@link IndexStore#RACY_NANOS}. False when not stored.
   */
  public static boolean save(IndexStore store, Library lib, ListView view) {
    List<ArticleMeta> all = lib.all();
    if (store == null || lib.keys == null || !lib.warnings().isEmpty() || all.isEmpty()
        || view.size() != all.size() || lib.keys.size() != all.size()) {
      return false;
    }
    for (ArticleMeta a : all) {
      IndexStore.Key k = lib.keys.get(a.path().toString());
      if (k == null || lib.startNanos - k.mtimeNanos() < IndexStore.RACY_NANOS) return false;
    }
    int forms = view.data.length;
    return CacheFiles.replace(fileFor(store, lib.root(), cwd()), "list-", os -> {
      DataOutputStream head = new DataOutputStream(os);
      head.writeLong(MAGIC);
      head.writeInt(FORMAT);
      head.writeInt(forms);
      head.flush();
      java.util.zip.CheckedOutputStream checked = new java.util.zip.CheckedOutputStream(os, new CRC32());
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
      str(out, lib.root().toString());
      str(out, cwd());
      out.writeInt(all.size());
      for (ArticleMeta a : all) {
        String p = a.path().toString();
        IndexStore.Key k = lib.keys.get(p);
        str(out, p);
        out.writeLong(k.size());
        out.writeLong(k.mtimeNanos());
      }
      out.write(view.draft);
      for (int k = 0; k < forms; k++) {
        for (int i = 0; i < all.size(); i++) out.writeInt(view.end(i, k) - view.start(i, k));
      }
      for (int k = 0; k < forms; k++) {
        ByteBuffer d = view.data[k].duplicate().limit(view.end(all.size() - 1, k)).position(view.start(0, k));
        byte[] chunk = new byte[1 << 16];
        while (d.hasRemaining()) {
          int n = Math.min(chunk.length, d.remaining());
          d.get(chunk, 0, n);
          out.write(chunk, 0, n);
        }
      }
      out.flush();
      DataOutputStream tail = new DataOutputStream(os);
      tail.writeInt(out.size());
      tail.writeInt((int) checked.getChecksum().getValue());
      tail.flush();
    });
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String str(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) throw new IllegalStateException("truncated cache");
    byte[] s = new byte[n];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
