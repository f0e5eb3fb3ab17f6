package clinicreader.search;

import clinicreader.content.CacheFiles;
import clinicreader.content.IndexStore;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A cache of each article's search facts on disk, so that a search over a large library does not
 * tokenize every file again: per file, what {@link Doc} holds and every folded word with its
 * fields, count and first body position (the facts {@link SearchIndex} keeps). An entry is
 * keyed by the file's absolute path, size and modification time; any difference re-reads the
 * file. Files modified less than two seconds before the search started are never stored (an
 * edit in the same clock tick would keep size and time). A missing, unreadable, foreign or
 * older-format file is ignored and rewritten, never an error.
 */
public final class WordStore {
  /** Bump when the stored fields or the way they are derived (tokenizing, folding) change. */
  static final int FORMAT = 1;
  private static final long MAGIC = 0x436c696e57647331L;
  static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Path dir;

  /** A store keeping its files in {@code dir} (created when first written). */
  public WordStore(Path dir) {
    this.dir = dir;
  }

  /** The user's store, in the same directory as the library's {@link IndexStore}; null when caching is off. */
  public static WordStore userDefault() {
    IndexStore s = IndexStore.userDefault();
    return s == null ? null : new WordStore(s.dir());
  }

  /**
   * One article's search facts: its words (folded, distinct) and for each the packed field mask
   * (4 bits), count (8 bits, saturating) and first body position (20 bits), as in {@link SearchIndex}.
   */
  record Entry(long size, long mtimeNanos, Doc doc, String[] words, int[] data) {
    /** Matches the query against the stored words: the same answer as {@link LibraryScan#match}. */
    Hit match(Query query) {
      int n = query.words().size();
      if (n == 0) return null;
      int[] masks = new int[n];
      int[] counts = new int[n];
      int[] firsts = new int[n];
      for (int i = 0; i < n; i++) {
        String w = query.words().get(i);
        int f = Hit.NO_POSITION;
        for (int k = 0; k < words.length; k++) {
          if (!words[k].startsWith(w)) continue;
          int v = data[k];
          masks[i] |= v >>> 28;
          counts[i] = Math.min(0xFF, counts[i] + ((v >>> 20) & 0xFF));
          f = Math.min(f, v & Hit.NO_POSITION);
        }
        firsts[i] = f;
      }
      return Hit.of(0, n, masks, counts, firsts);
    }

    /** The facts of one article read from its text. */
    static Entry of(long size, long mtimeNanos, Doc doc, String body, Map<String, String> shared) {
      Map<String, int[]> local = new HashMap<>(512);
      doc.words(body, (buf, len, field, pos) -> {
        int[] s = local.computeIfAbsent(new String(buf, 0, len), k -> new int[] {0, 0, Hit.NO_POSITION});
        s[0] |= field.bit();
        s[1]++;
        if (pos >= 0 && pos < s[2]) s[2] = pos;
      });
      String[] words = new String[local.size()];
      int[] data = new int[local.size()];
      int k = 0;
      for (Map.Entry<String, int[]> e : local.entrySet()) {
        int[] s = e.getValue();
        // one string per distinct word across the library: the entries are kept until saved
        String w = e.getKey();
        String prev = shared.putIfAbsent(w, w);
        words[k] = prev == null ? w : prev;
        data[k] = (s[0] & 0xF) << 28 | Math.min(s[1], 0xFF) << 20 | Math.min(s[2], Hit.NO_POSITION);
        k++;
      }
      return new Entry(size, mtimeNanos, doc, words, data);
    }
  }

  /** The entries of one library, as loaded, and those seen by this search (to be saved). */
  static final class Snapshot {
    final Map<String, Entry> entries;
    final Map<String, Entry> next = new ConcurrentHashMap<>();
    final long startNanos = System.currentTimeMillis() * 1_000_000L;
    /** The words of entries read in this search, each once. */
    final Map<String, String> words = new ConcurrentHashMap<>(1 << 15);
    volatile boolean changed;

    Snapshot(Map<String, Entry> entries) {
      this.entries = entries;
    }

    /** The stored entry for {@code path} when its size and time still match, else null. */
    Entry lookup(String path, long size, long mtimeNanos) {
      Entry e = entries.get(path);
      if (e == null || e.size() != size || e.mtimeNanos() != mtimeNanos) return null;
      next.put(path, e);
      return e;
    }

    void put(String path, Entry e) {
      next.put(path, e);
      changed = true;
    }
  }

  Path fileFor(Path root) {
    return dir.resolve("words-" + hash(root.toString()) + ".bin");
  }

  /** Reads the stored entries of the library at {@code root} (absolute); empty when none or unreadable. */
  Snapshot load(Path root) {
    Path f = fileFor(root);
    if (!Files.isRegularFile(f)) return new Snapshot(Map.of());
    try {
      byte[] all = Files.readAllBytes(f);
      // a checksum over everything before it: a flipped byte could otherwise still parse, as other words
      if (all.length < 16) return new Snapshot(Map.of());
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(all, 0, all.length - 8);
      In in = new In(all, all.length - 8);
      In tail = new In(all, all.length);
      tail.pos = all.length - 8;
      if (tail.readLong() != crc.getValue()) return new Snapshot(Map.of());
      if (in.readLong() != MAGIC || in.readInt() != FORMAT || !root.toString().equals(in.readStr())) {
        return new Snapshot(Map.of());
      }
      int v = in.readCount();
      String[] vocab = new String[v];
      for (int i = 0; i < v; i++) vocab[i] = in.readStr();
      int n = in.readCount();
      Map<String, Entry> map = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String path = in.readStr();
        long size = in.readLong();
        long mtime = in.readLong();
        String slug = in.readStr();
        String title = in.readStr();
        String date = in.readStr();
        boolean draft = in.readByte() != 0;
        int nt = in.readCount();
        List<String> tags = new ArrayList<>(nt);
        for (int t = 0; t < nt; t++) tags.add(in.readStr());
        String summary = in.readStr();
        int k = in.readCount();
        String[] words = new String[k];
        int[] data = new int[k];
        for (int j = 0; j < k; j++) {
          int id = in.readVar();
          if (id >= v) throw new IOException("corrupt cache");
          words[j] = vocab[id];
          data[j] = in.readInt();
        }
        Doc doc = new Doc(slug, Path.of(path), title, date == null ? null : LocalDate.parse(date), draft, tags, summary);
        map.put(path, new Entry(size, mtime, doc, words, data));
      }
      if (!in.atEnd()) return new Snapshot(Map.of());
      return new Snapshot(map);
    } catch (IOException | RuntimeException e) {
      return new Snapshot(Map.of());
    }
  }

  /** Writes the entries seen by this search when anything changed; failures only cost speed. */
  void save(Path root, Snapshot s) {
    if (!s.changed && s.next.size() == s.entries.size()) return;
    List<Map.Entry<String, Entry>> list = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    List<String> vocab = new ArrayList<>();
    for (Map.Entry<String, Entry> e : s.next.entrySet()) {
      if (s.startNanos - e.getValue().mtimeNanos() < RACY_NANOS) continue;
      list.add(e);
      for (String w : e.getValue().words()) {
        if (ids.putIfAbsent(w, vocab.size()) == null) vocab.add(w);
      }
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    CacheFiles.replace(fileFor(root), "words-", os -> {
      DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(new java.util.zip.CheckedOutputStream(os, crc), 1 << 16));
      out.writeLong(MAGIC);
      out.writeInt(FORMAT);
      str(out, root.toString());
      var(out, vocab.size());
      for (String w : vocab) str(out, w);
      var(out, list.size());
      for (Map.Entry<String, Entry> me : list) {
        Entry e = me.getValue();
        Doc d = e.doc();
        str(out, me.getKey());
        out.writeLong(e.size());
        out.writeLong(e.mtimeNanos());
        str(out, d.slug());
        str(out, d.title());
        str(out, d.date() == null ? null : d.date().toString());
        out.writeByte(d.draft() ? 1 : 0);
        var(out, d.tags().size());
        for (String t : d.tags()) str(out, t);
        str(out, d.summary());
        var(out, e.words().length);
        for (int j = 0; j < e.words().length; j++) {
          var(out, ids.get(e.words()[j]));
          out.writeInt(e.data()[j]);
        }
      }
      out.flush();
      new DataOutputStream(os).writeLong(crc.getValue());
    });
  }

  // strings as length and UTF-8 bytes (writeUTF stops at 64 KB); -1 is null
  private static void str(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      var(out, 0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    var(out, b.length + 1);
    out.write(b);
  }

  private static void var(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  /** Reads what {@link #save} wrote, from a byte array; any inconsistency is an IOException. */
  private static final class In {
    private final byte[] b;
    private final int end;
    private int pos;

    In(byte[] b, int end) {
      this.b = b;
      this.end = end;
    }

    private void need(int n) throws IOException {
      if (n < 0 || pos + n > end) throw new IOException("truncated cache");
    }

    boolean atEnd() {
      return pos == end;
    }

    int readByte() throws IOException {
      need(1);
      return b[pos++] & 0xFF;
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

    int readVar() throws IOException {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int x = readByte();
        v |= (x & 0x7F) << shift;
        if ((x & 0x80) == 0) return v;
      }
      throw new IOException("corrupt cache");
    }

    /** A count that cannot exceed what is left of the file. */
    int readCount() throws IOException {
      int n = readVar();
      if (n < 0 || n > end - pos) throw new IOException("corrupt cache");
      return n;
    }

    String readStr() throws IOException {
      int n = readVar();
      if (n == 0) return null;
      n--;
      need(n);
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) sb.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      return Integer.toHexString(s.hashCode());
    }
  }
}
