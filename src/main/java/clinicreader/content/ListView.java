package clinicreader.content;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>The file is versioned and names its root and working directory (paths are printed relative
 * to it). Everything but the entries' bytes is checksummed, and those bytes must fill the rest
 * of the file exactly; a missing, old, foreign, damaged or cut one is ignored and rewritten.
 */
public final class ListView implements java.io.Closeable {
  private static final long MAGIC = 0x436c696e4c737431L;
  /** Bump when the stored fields or the way the command makes an entry's bytes change. */
  private static final int FORMAT = 2;
  /** Magic, format, number of forms, the length of the checked part and its checksum. */
  private static final int HEAD = 24;
  /** Below this many root entries one thread checks them all: a second costs more than it saves. */
  private static final int SPLIT_MIN = 512;

  /** Per form, its entries' bytes when held in memory; null when they stay in {@link #file}. */
  private final byte[][] data;
  /** The cache file holding every form's entries, when the view was read from one. */
  private final FileChannel file;
  private final byte[] draft;
  /** Per form, the start of each entry (in its {@link #data}, or in the {@link #file}) and, last, the end of the form's entries. */
  private final int[][] starts;

  private ListView(byte[][] data, FileChannel file, byte[] draft, int[][] starts) {
    this.data = data;
    this.file = file;
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
   * Writes the bytes of form {@code form} from offset {@code from} to {@code to} (as
   * {@link #start}/{@link #end} give them: a form's entries lie back to back in date order, so a
   * run of articles is one range) to {@code out}. From a cache file to a file's stream, the bytes
   * go from file to file in the kernel ({@code sendfile}), without a copy through the heap.
   */
  public void write(int form, int from, int to, java.io.OutputStream out) throws IOException {
    if (from < start(0, form) || to > end(size() - 1, form) || from > to) throw new IndexOutOfBoundsException(from);
    if (file == null) {
      out.write(data[form], from, to - from);
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

  /** Where article {@code i}'s bytes of form {@code form} start. */
  public int start(int i, int form) {
    return starts[form][i];
  }

  /** Where article {@code i}'s bytes of form {@code form} end. */
  public int end(int i, int form) {
    return starts[form][i + 1];
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
    for (int i = 0; i < n; i++) draft[i] = (byte) (items.get(i).front().draft() ? 1 : 0);
    for (int k = 0; k < forms.length; k++) {
      if (starts[k].length != n + 1 || starts[k][n] > forms[k].length) throw new IllegalArgumentException("entries");
    }
    return new ListView(forms.clone(), null, draft, starts);
  }

  static Path fileFor(IndexStore store, Path root, String cwd) {
    return store.dir().resolve("list-" + hash(root + "\0" + cwd) + ".bin");
  }

  /**
   * 64-bit FNV-1a of the text, as 16 hex digits: only a file name (the file names its root and
   * working directory, so a collision is a miss). A message digest would initialise the
   * security providers, a large part of a warm listing.
   */
  static String hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xFF)) * 0x100000001b3L;
      h = (h ^ (c >>> 8)) * 0x100000001b3L;
    }
    char[] hex = new char[16];
    for (int i = 15; i >= 0; i--, h >>>= 4) hex[i] = Character.forDigit((int) (h & 0xF), 16);
    return new String(hex);
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
    FileChannel ch = null;
    try {
      Path abs = root.toAbsolutePath().normalize();
      String cwd = cwd();
      Path f = fileFor(store, abs, cwd);
      // read, not mapped: the first mapping initialises method handles, a large part of a warm run
      ch = FileChannel.open(f, StandardOpenOption.READ);
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
          // nothing was read from it
        }
      }
    }
  }

  private static ListView read(FileChannel ch, Path abs, String cwd, long maxBytes, int forms) throws IOException {
    long size = ch.size();
    if (size < HEAD || size > Integer.MAX_VALUE) return null;
    ByteBuffer head = ByteBuffer.allocate(HEAD);
    readFully(ch, head, 0);
    if (head.getLong(0) != MAGIC || head.getInt(8) != FORMAT || head.getInt(12) != forms) return null;
    int metaLen = head.getInt(16);
    if (metaLen < 0 || metaLen > size - HEAD) return null;
    // the checked part only: the entries' bytes are not read here
    ByteBuffer m = ByteBuffer.allocate(metaLen);
    readFully(ch, m, HEAD);
    byte[] meta = m.array();
    CRC32 c = new CRC32();
    c.update(meta);
    if ((int) c.getValue() != head.getInt(20)) return null;
    m.clear();
    if (!abs.toString().equals(str(m)) || !cwd.equals(str(m))) return null;
    String splitName = str(m);
    int split = m.getInt();
    int n = m.getInt();
    if (n <= 0 || n > 10_000_000 || split < 0 || split > n) return null;
    Stored files = new Stored(meta, n);
    for (int i = 0; i < n; i++) {
      int nameLen = m.getInt();
      if (nameLen <= 0 || nameLen > m.remaining() - 16) return null;
      files.name[i] = m.position();
      files.nameLen[i] = nameLen;
      m.position(m.position() + nameLen);
      files.size[i] = m.getLong();
      files.mtime[i] = m.getLong();
      if (files.size[i] > maxBytes) return null;
    }
    byte[] draft = new byte[n];
    m.get(draft);
    int[][] starts = new int[forms][n + 1];
    long pos = HEAD + (long) metaLen;
    for (int k = 0; k < forms; k++) {
      int[] s = starts[k];
      s[0] = (int) pos;
      for (int i = 0; i < n; i++) {
        int len = m.getInt();
        if (len < 0) return null;
        pos += len;
        if (pos > size) return null;
        s[i + 1] = (int) pos;
      }
    }
    // the entries' bytes are not checksummed (see the class comment) but must fill the file exactly
    if (m.hasRemaining() || pos != size) return null;
    if (!unchanged(abs, splitName, split, files)) return null;
    return new ListView(null, ch, draft, starts);
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, at + b.position());
      if (n < 0) throw new java.io.EOFException();
    }
  }

  /** The stored files, in the order a {@link Walk} finds them: name (a range of the checked bytes), size and time. */
  private static final class Stored {
    final byte[] bytes;
    final int[] name;
    final int[] nameLen;
    final long[] size;
    final long[] mtime;

    Stored(byte[] bytes, int n) {
      this.bytes = bytes;
      name = new int[n];
      nameLen = new int[n];
      size = new long[n];
      mtime = new long[n];
    }

    /** Whether stored name {@code i} is {@code prefix + name} (a relative path, '/'-separated). */
    boolean named(int i, String prefix, String file) {
      int at = name[i];
      int len = nameLen[i];
      if (prefix.length() + file.length() > len) return false;
      for (int k = 0; k < prefix.length(); k++) {
        char c = prefix.charAt(k);
        if (c >= 0x80) return namedSlow(i, prefix, file);
        if (bytes[at++] != c) return false;
      }
      for (int k = 0; k < file.length(); k++) {
        char c = file.charAt(k);
        if (c >= 0x80) return namedSlow(i, prefix, file);
        if (bytes[at++] != c) return false;
      }
      return at == name[i] + len;
    }

    private boolean namedSlow(int i, String prefix, String file) {
      byte[] want = (prefix + file).getBytes(StandardCharsets.UTF_8);
      return Arrays.equals(bytes, name[i], name[i] + nameLen[i], want, 0, want.length);
    }
  }

  /**
   * Whether the files under {@code root} are exactly the stored ones, in the stored order, each
   * with its stored size and time. The root's entries are looked at by two threads, one half
   * each, when the root entry where the stored second half began ({@code splitName}, its first
   * file being number {@code split}) is still there: one {@code stat} per entry is most of a
   * warm listing.
   */
  private static boolean unchanged(Path root, String splitName, int split, Stored files) {
    String[] names = new File(root.toString()).list();
    if (names == null) return false;
    int n = files.size.length;
    int at = -1;
    if (names.length >= SPLIT_MIN) {
      // where it was unless entries were added or removed before it
      int half = names.length / 2;
      if (names[half].equals(splitName)) at = half;
      for (int i = 0; at < 0 && i < names.length; i++) if (names[i].equals(splitName)) at = i;
    }
    if (at < 0) {
      Walk all = new Walk(root, names, 0, names.length, files, 0, n);
      all.run();
      return all.same;
    }
    Walk other = new Walk(root, names, at, names.length, files, split, n);
    Thread t = new Thread(other, "list-check");
    t.setDaemon(true);
    t.start();
    Walk mine = new Walk(root, names, 0, at, files, 0, split);
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
   * folder it cannot list) is a difference.
   */
  private static final class Walk implements Runnable {
    private final Path root;
    private final String[] names;
    private final int from;
    private final int to;
    private final Stored files;
    private int next;
    private final int end;
    /** When saving: the relative path, size and time of each file found, in order. */
    final List<String> found;
    final List<long[]> keys;
    boolean same = true;

    Walk(Path root, String[] names, int from, int to, Stored files, int next, int end) {
      this.root = root;
      this.names = names;
      this.from = from;
      this.to = to;
      this.files = files;
      this.next = next;
      this.end = end;
      found = files == null ? new ArrayList<>() : null;
      keys = files == null ? new ArrayList<>() : null;
    }

    @Override
    public void run() {
      try {
        for (int i = from; i < to; i++) {
          if (!entry(root, "", names[i])) {
            same = false;
            return;
          }
        }
        same = files == null || next == end;
      } catch (IOException | RuntimeException e) {
        same = false;
      }
    }

    private boolean entry(Path dir, String prefix, String name) throws IOException {
      if (name.startsWith(".")) return true;
      Path p = dir.resolve(name);
      BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!name.endsWith(".md")) {
        if (!attrs.isDirectory()) return true;
        String[] sub = new File(p.toString()).list();
        if (sub == null) return false;
        String inner = prefix + name + "/";
        for (String s : sub) if (!entry(p, inner, s)) return false;
        return true;
      }
      if (!attrs.isRegularFile()) return false;
      long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      if (files == null) {
        found.add(prefix + name);
        keys.add(new long[] {attrs.size(), mtime});
        return true;
      }
      int i = next;
      if (i >= end || attrs.size() != files.size[i] || mtime != files.mtime[i] || !files.named(i, prefix, name)) {
        return false;
      }
      next = i + 1;
      return true;
    }
  }

  /**
   * Stores {@code view} (made by {@link #of} from {@code lib.all()}) when the library can be
   * trusted whole: no warnings, every article read under a key older than
   * {@link IndexStore#RACY_NANOS}, and the files found again now exactly the ones read. False
   * when not stored.
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
    // the files in the order a lookup will find them, each under the key it was read with
    Path root = lib.root();
    String[] names = new File(root.toString()).list();
    if (names == null) return false;
    int half = names.length / 2;
    Walk first = new Walk(root, names, 0, half, null, 0, 0);
    Walk second = new Walk(root, names, half, names.length, null, 0, 0);
    first.run();
    second.run();
    if (!first.same || !second.same || first.found.size() + second.found.size() != all.size()) return false;
    List<String> found = new ArrayList<>(first.found);
    found.addAll(second.found);
    List<long[]> keys = new ArrayList<>(first.keys);
    keys.addAll(second.keys);
    for (int i = 0; i < found.size(); i++) {
      IndexStore.Key k = lib.keys.get(root.resolve(found.get(i)).toString());
      if (k == null || k.size() != keys.get(i)[0] || k.mtimeNanos() != keys.get(i)[1]) return false;
    }
    int forms = view.starts.length;
    java.io.ByteArrayOutputStream metaBytes = new java.io.ByteArrayOutputStream(1 << 16);
    try {
      DataOutputStream out = new DataOutputStream(metaBytes);
      str(out, root.toString());
      str(out, cwd());
      str(out, half < names.length ? names[half] : "");
      out.writeInt(first.found.size());
      out.writeInt(all.size());
      for (int i = 0; i < found.size(); i++) {
        str(out, found.get(i));
        out.writeLong(keys.get(i)[0]);
        out.writeLong(keys.get(i)[1]);
      }
      out.write(view.draft);
      for (int k = 0; k < forms; k++) {
        for (int i = 0; i < all.size(); i++) out.writeInt(view.end(i, k) - view.start(i, k));
      }
      out.flush();
    } catch (IOException e) {
      return false;
    }
    byte[] meta = metaBytes.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(meta);
    return CacheFiles.replace(fileFor(store, root, cwd()), "list-", os -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
      out.writeLong(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(forms);
      out.writeInt(meta.length);
      out.writeInt((int) crc.getValue());
      out.write(meta);
      for (int k = 0; k < forms; k++) view.write(k, view.start(0, k), view.end(all.size() - 1, k), out);
      out.flush();
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
