package clinicreader.content;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * A cache of what {@code list} prints for a whole library: per article, in the library's date
 * order, the bytes of its entry in each output form (opaque here; the command makes them) and
 * whether it is a draft, together with the path, size and modification time of every file the
 * library was made from. A later opening that finds exactly the same files, unchanged, prints the
 * stored bytes without reading any article or the {@link IndexStore}; anything else (a file
 * added, removed or changed, a link, a file changed too recently to trust its time) means the
 * library is opened as usual. A file the library read and refused (no front matter, say) is one
 * of the stored files, with its warning: unchanged, it is refused the same way, and the stored
 * warning is printed again. Any other warning (a file that could not be read, a link out of the
 * library) is not stored, and the library is opened as usual each time.
 *
 * <p>The file is versioned and names its root and working directory (paths are printed relative
 * to it). Everything but the entries' bytes is checksummed, and those bytes must fill the rest
 * of the file exactly; a missing, old, foreign, damaged or cut one is ignored and rewritten.
 *
 * <p>A warm run reads only the checked part, and reads it in place (no per-article loop before
 * the check: such a loop runs in the interpreter, as the first run of everything does).
 */
public final class ListView implements java.io.Closeable {
  private static final long MAGIC = 0x436c696e4c737431L;
  /** Bump when the stored fields or the way the command makes an entry's bytes change. */
  private static final int FORMAT = 5;
  /** Magic, format, number of forms, the length of the checked part and its checksum. */
  private static final int HEAD = 24;
  /** Below this many root entries one thread checks them all: a second costs more than it saves. */
  private static final int SPLIT_MIN = 512;

  private final int size;
  private final int forms;
  private final int drafts;
  /** The library's warnings, as printed, in order: each about one stored file it refused. */
  private final List<String> warnings;
  /** Per article, 1 for a draft, from {@link #draftAt}. */
  private final byte[] draft;
  private final int draftAt;
  /**
   * Per form, the start of each entry and, last, the end of the form's entries: big-endian ints
   * from {@link #startsAt}, form after form; offsets into {@link #data} or into the {@link #file}.
   */
  private final ByteBuffer starts;
  private final int startsAt;
  /** Per form, its entries' bytes when held in memory; null when they stay in {@link #file}. */
  private final byte[][] data;
  /** The cache file holding every form's entries, when the view was read from one. */
  private final FileChannel file;

  private ListView(int size, int forms, int drafts, List<String> warnings, byte[] draft, int draftAt,
      ByteBuffer starts, int startsAt, byte[][] data, FileChannel file) {
    this.size = size;
    this.forms = forms;
    this.drafts = drafts;
    this.warnings = warnings;
    this.draft = draft;
    this.draftAt = draftAt;
    this.starts = starts;
    this.startsAt = startsAt;
    this.data = data;
    this.file = file;
  }

  /** The number of articles, drafts included. */
  public int size() {
    return size;
  }

  /** The number of drafts. */
  public int drafts() {
    return drafts;
  }

  /**
   * The warnings the library gave when the view was stored (each line as printed), to be printed
   * again; empty for a view made in memory, whose library gives its own.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** Whether article {@code i} (in date order) is a draft. */
  public boolean draft(int i) {
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
    return draft[draftAt + i] != 0;
  }

  /** Where article {@code i}'s bytes of form {@code form} start. */
  public int start(int i, int form) {
    if (i < 0 || i > size || form < 0 || form >= forms) throw new IndexOutOfBoundsException(i);
    return starts.getInt(startsAt + 4 * (form * (size + 1) + i));
  }

  /** Where article {@code i}'s bytes of form {@code form} end. */
  public int end(int i, int form) {
    return start(i + 1, form);
  }

  /**
   * Writes the bytes of form {@code form} from offset {@code from} to {@code to} (as
   * {@link #start}/{@link #end} give them: a form's entries lie back to back in date order, so a
   * run of articles is one range) to {@code out}. From a cache file to a file's stream, the bytes
   * go from file to file in the kernel ({@code sendfile}), without a copy through the heap.
   */
  public void write(int form, int from, int to, OutputStream out) throws IOException {
    if (from < start(0, form) || to > start(size, form) || from > to) throw new IOException("not an entry range");
    if (file == null) {
      CacheFiles.write(out, data[form], from, to);
    } else if (out instanceof java.io.FileOutputStream f) {
      FileChannel target = f.getChannel();
      for (long at = from; at < to; ) at += file.transferTo(at, to - at, target);
    } else {
      ByteBuffer chunk = ByteBuffer.allocate(Math.min(1 << 16, to - from));
      for (long at = from; at < to; ) {
        chunk.clear().limit((int) Math.min(chunk.capacity(), to - at));
        int n = file.read(chunk, at);
        if (n < 0) throw new java.io.EOFException();
        out.write(chunk.array(), 0, n);
        at += n;
      }
    }
  }

  /**
   * Every article's bytes of form {@code form}, back to back: article {@code i}'s from
   * {@code start(i, form) - start(0, form)} to {@code end(i, form) - start(0, form)}.
   *
   * @throws java.io.UncheckedIOException when the cache file the view was read from cannot be
   *     read any more
   */
  public byte[] bytes(int form) {
    int from = start(0, form);
    int to = start(size, form);
    if (file == null) return java.util.Arrays.copyOfRange(data[form], from, to);
    ByteBuffer b = ByteBuffer.allocate(to - from);
    try {
      readFully(file, b, from);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.array();
  }

  /** Closes the cache file the view was read from, if any. */
  @Override
  public void close() throws IOException {
    if (file != null) file.close();
  }

  /**
   * A view of {@code items} held in memory: {@code forms[k]} holds every article's entry of form
   * {@code k} back to back, article {@code i}'s from {@code starts[k][i]} to {@code starts[k][i + 1]}.
   */
  public static ListView of(List<ArticleMeta> items, byte[][] forms, int[][] starts) {
    int n = items.size();
    byte[] draft = new byte[n];
    int drafts = 0;
    for (int i = 0; i < n; i++) {
      if (items.get(i).front().draft()) {
        draft[i] = 1;
        drafts++;
      }
    }
    ByteBuffer s = ByteBuffer.allocate(4 * forms.length * (n + 1));
    for (int k = 0; k < forms.length; k++) {
      if (starts[k].length != n + 1 || starts[k][n] > forms[k].length) throw new IllegalArgumentException("entries");
      for (int i = 0; i <= n; i++) {
        if (i < n && starts[k][i] > starts[k][i + 1]) throw new IllegalArgumentException("entries");
        s.putInt(starts[k][i]);
      }
    }
    return new ListView(n, forms.length, drafts, List.of(), draft, 0, s, 0, forms.clone(), null);
  }

  static Path fileFor(IndexStore store, Path root, String cwd) {
    return store.dir().resolve("list-" + CacheFiles.nameHash(root + "\0" + cwd) + ".bin");
  }

  private static String cwd() {
    return Path.of("").toAbsolutePath().toString();
  }

  /**
   * The stored view of the library at {@code root} when every article file is exactly as it was
   * stored (and within {@code maxBytes}), else null; to be closed after use. Never an error: a
   * bad cache is a miss.
   */
  public static ListView lookup(IndexStore store, Path root, long maxBytes, int forms) {
    if (store == null) return null;
    FileChannel ch = null;
    try {
      Path abs = root.toAbsolutePath().normalize();
      String cwd = cwd();
      // read, not mapped: the first mapping initialises method handles, a large part of a warm run
      ch = FileChannel.open(fileFor(store, abs, cwd), StandardOpenOption.READ);
      ListView view = read(ch, abs, cwd, maxBytes, forms);
      if (view != null) ch = null;
      return view;
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException e) {
          // only read from
        }
      }
    }
  }

  /*
   * The file: the head (HEAD bytes), then the checked part:
   *   root, working directory, the name of the root entry where the second half starts (strings)
   *   split (the number of stored files before it), splitAt (where its file starts among the files),
   *   n (articles), drafts, files (articles and refused files), warnings (ints)
   *   the warnings (strings, as printed)
   *   draft flags (n bytes, date order)
   *   starts: per form, n + 1 ints (absolute offsets of the entries in the file, date order)
   *   files (to the end of the checked part, listing order): name length, name (relative path,
   *     '/'-separated, UTF-8), size, modification time in nanoseconds
   * then every form's entries, back to back, to the end of the file.
   */

  private static ListView read(FileChannel ch, Path abs, String cwd, long maxBytes, int forms) throws IOException {
    long fileSize = ch.size();
    if (fileSize < HEAD || fileSize > Integer.MAX_VALUE) return null;
    ByteBuffer head = ByteBuffer.allocate(HEAD);
    readFully(ch, head, 0);
    if (head.getLong(0) != MAGIC || head.getInt(8) != FORMAT || head.getInt(12) != forms) return null;
    int metaLen = head.getInt(16);
    if (metaLen < 0 || metaLen > fileSize - HEAD) return null;
    ByteBuffer m = ByteBuffer.allocate(metaLen);
    readFully(ch, m, HEAD);
    CRC32 c = new CRC32();
    c.update(m.array());
    if ((int) c.getValue() != head.getInt(20)) return null;
    m.clear();
    if (!abs.toString().equals(str(m)) || !cwd.equals(str(m))) return null;
    String splitName = str(m);
    int split = m.getInt();
    int splitAt = m.getInt();
    int n = m.getInt();
    int drafts = m.getInt();
    int files = m.getInt();
    int warningCount = m.getInt();
    if (warningCount < 0 || files < n || warningCount > files - n) return null;
    List<String> warnings = new ArrayList<>(warningCount);
    for (int i = 0; i < warningCount; i++) warnings.add(str(m));
    int draftAt = m.position();
    long startsAt = draftAt + (long) n;
    long filesAt = startsAt + 4L * forms * (n + 1);
    if (n <= 0 || split < 0 || split > files || filesAt > metaLen || splitAt < 0 || splitAt > metaLen - filesAt) return null;
    ListView view = new ListView(n, forms, drafts, List.copyOf(warnings), m.array(), draftAt, m, (int) startsAt, null, ch);
    // the entries fill the rest of the file, form after form
    if (view.start(0, 0) != HEAD + metaLen || view.start(n, forms - 1) != fileSize) return null;
    for (int k = 1; k < forms; k++) if (view.start(0, k) != view.start(n, k - 1)) return null;
    return unchanged(abs, splitName, split, m.array(), (int) filesAt, (int) filesAt + splitAt, files, maxBytes) ? view : null;
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, at + b.position());
      if (n < 0) throw new java.io.EOFException();
    }
  }

  /**
   * Whether the files under {@code root} are exactly the {@code n} stored ones ({@code stored}
   * from {@code filesAt} to its end), in the stored order, each with its stored size and time.
   * The root's entries are looked at by two threads, one half each, when the root entry where the
   * stored second half began ({@code splitName}, its first file being number {@code split},
   * stored at {@code splitAt}) is still there: one {@code stat} per entry is most of a warm listing.
   */
  private static boolean unchanged(Path root, String splitName, int split, byte[] stored, int filesAt, int splitAt,
      int n, long maxBytes) {
    String[] names = new File(root.toString()).list();
    if (names == null) return false;
    int at = -1;
    if (names.length >= SPLIT_MIN) {
      // where it was unless entries were added or removed before it
      int half = names.length / 2;
      if (names[half].equals(splitName)) at = half;
      for (int i = 0; at < 0 && i < names.length; i++) if (names[i].equals(splitName)) at = i;
    }
    if (at < 0) {
      Walk all = new Walk(root, names, 0, names.length, stored, filesAt, n, maxBytes);
      all.run();
      return all.same;
    }
    Walk other = new Walk(root, names, at, names.length, stored, splitAt, n - split, maxBytes);
    Thread t = new Thread(other, "list-check");
    t.setDaemon(true);
    t.start();
    Walk mine = new Walk(root, names, 0, at, stored, filesAt, split, maxBytes);
    mine.run();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return mine.same && other.same;
  }

  /**
   * Goes through some of the root's entries (and the folders among them, whole) in listing order,
   * as {@link Library#walk} would find them (links not followed, hidden entries skipped), either
   * comparing each Markdown file with the next stored one or, when saving, recording it. Anything
   * the library would warn about or skip silently (a folder named like an article, a link, a
   * folder it cannot list, a file over the size limit) is a difference.
   */
  private static final class Walk implements Runnable {
    private final Path root;
    private final String[] names;
    private final int from;
    private final int to;
    /** The stored files (null when saving): name length, name, size and time each, to the array's end. */
    private final byte[] files;
    /** Where the next stored file starts, and how many are left for this walk. */
    private int at;
    private int left;
    private final long maxBytes;
    /** When saving: the relative path, size and time of each file found, in order. */
    final List<String> found;
    final List<long[]> keys;
    boolean same;
    /**
     * When saving: the key each article was read under, by absolute path. An article is
     * recorded under that key without looking at the file again: had it changed since, the key
     * no longer matches and a lookup reads it again. The walk is still needed for the order a
     * lookup finds the files in, and to notice a file added or removed meanwhile.
     */
    private final java.util.Map<String, IndexStore.Key> read;

    Walk(Path root, String[] names, int from, int to, byte[] files, int at, int left, long maxBytes) {
      this(root, names, from, to, files, at, left, maxBytes, null);
    }

    Walk(Path root, String[] names, int from, int to, byte[] files, int at, int left, long maxBytes,
        java.util.Map<String, IndexStore.Key> read) {
      this.read = read;
      this.root = root;
      this.names = names;
      this.from = from;
      this.to = to;
      this.files = files;
      this.at = at;
      this.left = left;
      this.maxBytes = maxBytes;
      found = files == null ? new ArrayList<>() : null;
      keys = files == null ? new ArrayList<>() : null;
    }

    @Override
    public void run() {
      try {
        for (int i = from; i < to; i++) if (!entry(root, "", names[i])) return;
        same = files == null || left == 0;
      } catch (IOException | RuntimeException e) {
        same = false;
      }
    }

    private boolean entry(Path dir, String prefix, String name) throws IOException {
      if (name.startsWith(".")) return true;
      Path p = dir.resolve(name);
      if (read != null && files == null && name.endsWith(".md")) {
        IndexStore.Key k = read.get(p.toString());
        if (k == null) return false;
        found.add(prefix + name);
        keys.add(new long[] {k.size(), k.mtimeNanos()});
        return true;
      }
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!name.endsWith(".md")) {
        if (!attrs.isDirectory()) return true;
        String[] sub = new File(p.toString()).list();
        if (sub == null) return false;
        String inner = prefix + name + "/";
        for (String s : sub) if (!entry(p, inner, s)) return false;
        return true;
      }
      if (!attrs.isRegularFile() || attrs.size() > maxBytes) return false;
      long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      if (files == null) {
        found.add(prefix + name);
        keys.add(new long[] {attrs.size(), mtime});
        return true;
      }
      if (left == 0) return false;
      byte[] b = files;
      int len = readInt(b, at);
      int nameAt = at + 4;
      at = nameAt + len + 16;
      left--;
      if (len < 0 || at > b.length) return false;
      return readLong(b, nameAt + len) == attrs.size() && readLong(b, nameAt + len + 8) == mtime
          && named(b, nameAt, len, prefix, name);
    }
  }

  /** Whether {@code b[at, at + len)} is the UTF-8 of {@code prefix + name}. */
  private static boolean named(byte[] b, int at, int len, String prefix, String name) {
    if (prefix.length() + name.length() > len) return false;
    int k = at;
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c >= 0x80) return namedSlow(b, at, len, prefix, name);
      if (b[k++] != c) return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) return namedSlow(b, at, len, prefix, name);
      if (b[k++] != c) return false;
    }
    return k == at + len;
  }

  private static boolean namedSlow(byte[] b, int at, int len, String prefix, String name) {
    byte[] want = (prefix + name).getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.equals(b, at, at + len, want, 0, want.length);
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  private static long readLong(byte[] b, int at) {
    return (long) readInt(b, at) << 32 | (readInt(b, at + 4) & 0xFFFFFFFFL);
  }

  /**
   * Stores {@code view} (made by {@link #of} from {@code lib.all()}) when the library can be
   * trusted whole: every warning about a file it read and refused, every file read under a key
   * older than {@link IndexStore#RACY_NANOS}, and the files found again now exactly the ones read.
   * False when not stored.
   */
  public static boolean save(IndexStore store, Library lib, ListView view) {
    List<ArticleMeta> all = lib.all();
    List<Problem> warnings = lib.warnings();
    int fileCount = all.size() + lib.keyedProblems;
    if (store == null || lib.keys == null || warnings.size() != lib.keyedProblems || all.isEmpty()
        || view.size() != all.size() || lib.keys.size() != fileCount) {
      return false;
    }
    for (ArticleMeta a : all) if (!lib.keys.containsKey(a.path().toString())) return false;
    for (IndexStore.Key k : lib.keys.values()) {
      if (lib.startNanos - k.mtimeNanos() < IndexStore.RACY_NANOS) return false;
    }
    // the files in the order a lookup will find them, each under the key it was read with
    Path root = lib.root();
    String[] names = new File(root.toString()).list();
    if (names == null) return false;
    int half = names.length / 2;
    Walk first = new Walk(root, names, 0, half, null, 0, 0, lib.maxBytes(), lib.keys);
    Walk second = new Walk(root, names, half, names.length, null, 0, 0, lib.maxBytes(), lib.keys);
    // the two halves on both cores
    Thread other = new Thread(second, "clinic-reader-walk");
    other.start();
    first.run();
    try {
      other.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!first.same || !second.same || first.found.size() + second.found.size() != fileCount) return false;
    List<String> found = new ArrayList<>(first.found);
    found.addAll(second.found);
    List<long[]> keys = new ArrayList<>(first.keys);
    keys.addAll(second.keys);
    for (int i = 0; i < found.size(); i++) {
      IndexStore.Key k = lib.keys.get(root.resolve(found.get(i)).toString());
      if (k == null || k.size() != keys.get(i)[0] || k.mtimeNanos() != keys.get(i)[1]) return false;
    }
    int n = all.size();
    int forms = view.forms;
    CacheBytes files = new CacheBytes(fileCount * 64 + 1024);
    int splitAt = -1;
    for (int i = 0; i < fileCount; i++) {
      if (i == first.found.size()) splitAt = files.size();
      files.putString(found.get(i));
      files.putLong(keys.get(i)[0]);
      files.putLong(keys.get(i)[1]);
    }
    if (splitAt < 0) splitAt = files.size();
    CacheBytes m = new CacheBytes(files.size() + 4 * forms * (n + 1) + n + 1024);
    m.putString(root.toString());
    m.putString(cwd());
    m.putString(half < names.length ? names[half] : "");
    m.putInt(first.found.size());
    m.putInt(splitAt);
    m.putInt(n);
    m.putInt(view.drafts());
    m.putInt(fileCount);
    m.putInt(warnings.size());
    for (Problem w : warnings) m.putString(w.brief());
    for (int i = 0; i < n; i++) m.putBoolean(view.draft(i));
    // the entries' offsets in the file: after the head, the checked part (whose length is known
    // once the offsets are written: they are fixed-size) and the forms before
    int metaLen = m.size() + 4 * forms * (n + 1) + files.size();
    long pos = HEAD + (long) metaLen;
    for (int k = 0; k < forms; k++) {
      for (int i = 0; i <= n; i++) {
        long at = pos + view.start(i, k) - view.start(0, k);
        if (at > Integer.MAX_VALUE) return false;
        m.putInt((int) at);
      }
      pos += view.start(n, k) - view.start(0, k);
    }
    m.putBytes(files.array(), files.size());
    if (m.size() != metaLen) return false;
    byte[] meta = java.util.Arrays.copyOf(m.array(), metaLen);
    CRC32 crc = new CRC32();
    crc.update(meta);
    return CacheFiles.replace(fileFor(store, root, cwd()), "list-", os -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
      out.writeLong(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(forms);
      out.writeInt(meta.length);
      out.writeInt((int) crc.getValue());
      CacheFiles.write(out, meta, 0, meta.length);
      for (int k = 0; k < forms; k++) view.write(k, view.start(0, k), view.start(n, k), out);
      out.flush();
    });
  }

  private static String str(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) throw new IllegalStateException("truncated cache");
    byte[] s = new byte[n];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
