package clinicreader.search;

import clinicreader.content.CacheFiles;
import clinicreader.content.IndexStore;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
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
 * A cache of each article's search facts on disk, so that a search over a large library does not
 * tokenize every file again. The file is stored inverted, as {@link SearchIndex} holds it in
 * memory: per article a record (absolute path, size, modification time and what {@link Doc}
 * holds), then a sorted dictionary of folded words, each pointing at its postings (article,
 * packed field mask, count and first body position). A search reads the records and only the
 * postings of the words its query words start; it never decodes the other words.
 *
 * <p>An article's postings count only when its file's size and time still match the record;
 * any difference re-reads the file. Files modified less than two seconds before the search
 * started are never stored (an edit in the same clock tick would keep size and time). A
 * missing, unreadable, foreign or older-format file is ignored and rewritten, never an error.
 */
public final class WordStore {
  /** Bump when the stored fields or the way they are derived (tokenizing, folding) change. */
  static final int FORMAT = 4;
  private static final long MAGIC = 0x436c696e57647331L;
  private static final long NO_DATE = Long.MIN_VALUE;
  private static final long MIN_DAY = LocalDate.MIN.toEpochDay();
  private static final long MAX_DAY = LocalDate.MAX.toEpochDay();
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

  /** A stored file that reads as inconsistent although its checksum fits: the search starts again without it. */
  static final class DamagedException extends RuntimeException {
    DamagedException() {
      super("damaged word store", null, false, false);
    }
  }

  /**
   * One article's search facts: its words (folded, distinct) and for each the packed field mask
   * (4 bits), count (8 bits, saturating) and first body position (20 bits), as in {@link SearchIndex}.
   */
  record Entry(long size, long mtimeNanos, Doc doc, String[] words, int[] data, byte[] source) {
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
    static Entry of(long size, long mtimeNanos, Doc doc, String body, Map<String, String> shared, byte[] source) {
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
      return new Entry(size, mtimeNanos, doc, words, data, source);
    }
  }

  /** Receives one posting: a stored article's number and the packed facts of one of its words. */
  interface PostingSink {
    void posting(int doc, int data);
  }

  /**
   * The stored part of one library, as loaded, and what this search saw: which stored articles
   * it found unchanged, and the entries it read from files (to be saved).
   */
  static final class Snapshot implements Excerpts.Store {
    /** The day of an undated article: below every other, as undated articles rank last. */
    static final long NO_DAY = NO_DATE;
    private final java.nio.ByteBuffer b;
    private final String[] paths;
    private final long[] sizes;
    private final long[] mtimes;
    /** Where each article's record continues after its path, size, time and source; decoded on first use. */
    private final int[] records;
    /** Each article's stored source ({@link Excerpts#encode}): where it starts in the file and its length (0: none). */
    private final long[] sourceAt;
    private final int[] sourceLen;
    /** Each article's day number ({@code NO_DATE} when undated) and draft flag, read with the records: ranking needs only these. */
    private final long[] days;
    private final boolean[] drafts;
    /** Where each record ends and where the dictionary starts, set by {@link #load}: to copy them unchanged. */
    private int[] recordEnds;
    private int dictStart = -1;
    private final Doc[] docs;
    private final Map<String, Integer> ids;
    private final int vocabSize;
    /** Offsets of the dictionary's table (12 bytes a word), its word text and its postings. */
    private final int table;
    private final int text;
    private final int postings;
    private final int end;
    /** Stored articles this search found unchanged on disk. */
    private final boolean[] seen;
    final Map<String, Entry> next = new ConcurrentHashMap<>();
    /** Sources parsed in this search for stored or just-read articles, by path, as {@link Excerpts#encode} bytes. */
    final Map<String, byte[]> parsed = new ConcurrentHashMap<>();
    volatile boolean sourcesChanged;
    final long startNanos = System.currentTimeMillis() * 1_000_000L;
    /** The words of entries read in this search, each once. */
    final Map<String, String> words = new ConcurrentHashMap<>(1 << 10);
    volatile boolean changed;

    static Snapshot empty() {
      return new Snapshot(null, new String[0], new long[0], new long[0], new int[0], new long[0], new int[0], new long[0],
          new boolean[0], 0, 0, 0, 0, 0);
    }

    private Snapshot(java.nio.ByteBuffer b, String[] paths, long[] sizes, long[] mtimes, int[] records, long[] sourceAt,
        int[] sourceLen, long[] days, boolean[] drafts, int vocabSize, int table, int text, int postings, int end) {
      this.days = days;
      this.drafts = drafts;
      this.sourceAt = sourceAt;
      this.sourceLen = sourceLen;
      this.b = b;
      this.paths = paths;
      this.sizes = sizes;
      this.mtimes = mtimes;
      this.records = records;
      this.docs = new Doc[paths.length];
      this.vocabSize = vocabSize;
      this.table = table;
      this.text = text;
      this.postings = postings;
      this.end = end;
      this.ids = new HashMap<>(paths.length * 2);
      for (int i = 0; i < paths.length; i++) ids.put(paths[i], i);
      this.seen = new boolean[paths.length];
    }

    /** How many articles are stored. */
    int size() {
      return paths.length;
    }

    Doc doc(int id) {
      Doc d = docs[id];
      if (d == null) {
        In in = new In(b, end);
        in.pos = records[id];
        try {
          String slug = in.readStr();
          String title = in.readStr();
          long day = in.readLong();
          boolean draft = in.readByte() != 0;
          int nt = in.readCount();
          List<String> tags = new ArrayList<>(nt);
          for (int t = 0; t < nt; t++) tags.add(in.readStr());
          String summary = in.readStr();
          d = new Doc(slug, Path.of(paths[id]), title, day == NO_DATE ? null : LocalDate.ofEpochDay(day), draft, tags,
              summary);
        } catch (IOException | RuntimeException e) {
          throw new DamagedException();
        }
        docs[id] = d;
      }
      return d;
    }

    boolean seen(int id) {
      return seen[id];
    }

    /** The stored article's day number, {@link #NO_DAY} when undated. */
    long day(int id) {
      return days[id];
    }

    boolean draft(int id) {
      return drafts[id];
    }

    /** The stored source of the article at {@code path}, as bytes, when its file was found unchanged; else null. */
    byte[] sourceBytes(String path) {
      byte[] p = parsed.get(path);
      if (p != null) return p;
      Entry e = next.get(path);
      if (e != null) return e.source();
      Integer id = ids.get(path);
      if (id == null || !seen[id]) return null;
      return storedSource(id);
    }

    @Override
    public Excerpts.Source source(Doc doc) {
      return source(doc.path().toString());
    }

    @Override
    public void parsed(Doc doc, Excerpts.Source source, long fileBytes) {
      String path = doc.path().toString();
      Entry e = next.get(path);
      long size;
      if (e != null) {
        size = e.size();
      } else {
        Integer id = ids.get(path);
        if (id == null || !seen[id]) return;
        size = sizes[id];
      }
      // only a source read from the content the record describes (the file may have moved on since)
      if (size != fileBytes) return;
      byte[] bytes = Excerpts.encodeOrNull(source);
      if (bytes == null) return;
      parsed.put(path, bytes);
      sourcesChanged = true;
    }

    /** The stored source bytes of an article (a copy out of the mapped file), or null. */
    private byte[] storedSource(int id) {
      int len = sourceLen[id];
      long at = sourceAt[id];
      if (len <= 0 || at < 0 || at + len > b.capacity()) return null;
      byte[] out = new byte[len];
      b.get((int) at, out, 0, len);
      return out;
    }

    /** The source of the article at {@code path} known without reading its file (see {@link #sourceBytes}), or null. */
    Excerpts.Source source(String path) {
      byte[] bytes = sourceBytes(path);
      // a damaged source reads as null: the file is then read and parsed, as without a store
      return bytes == null ? null : Excerpts.decode(bytes);
    }

    /**
     * The stored article at {@code path} when its size and time still match (it is then marked
     * as seen), else -1. Called once per path.
     */
    int lookup(String path, long size, long mtimeNanos) {
      Integer id = ids.get(path);
      if (id == null || sizes[id] != size || mtimes[id] != mtimeNanos) return -1;
      seen[id] = true;
      return id;
    }

    /** Records an entry read from its file in this search, to be stored. */
    void put(String path, Entry e) {
      next.put(path, e);
      changed = true;
    }

    /** Whether the store must be written again: something was read, or a stored article is gone. */
    boolean stale() {
      if (changed) return true;
      for (boolean s : seen) if (!s) return true;
      return false;
    }

    /** Sends every posting of every stored word that starts with {@code prefix}. */
    void postings(String prefix, PostingSink sink) {
      int from = firstNotBelow(prefix);
      // words starting with the prefix are contiguous from the first not below it
      int lo = from;
      int hi = vocabSize;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (word(mid).startsWith(prefix)) lo = mid + 1;
        else hi = mid;
      }
      for (int r = from; r < lo; r++) postingsOf(r, sink);
    }

    private int firstNotBelow(String key) {
      int lo = 0;
      int hi = vocabSize;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (word(mid).compareTo(key) < 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }

    private String word(int r) {
      int at = text + readInt(table + 12 * r);
      In in = new In(b, postings);
      in.pos = at;
      try {
        return in.readStr();
      } catch (IOException e) {
        throw new DamagedException();
      }
    }

    private void postingsOf(int r, PostingSink sink) {
      int at = postings + readInt(table + 12 * r + 4);
      int count = readInt(table + 12 * r + 8);
      if (at < postings || count < 0) throw new DamagedException();
      In in = new In(b, end);
      in.pos = at;
      int d = -1;
      try {
        for (int k = 0; k < count; k++) {
          d += in.readVar() + 1;
          if (d < 0 || d >= paths.length) throw new DamagedException();
          sink.posting(d, in.readInt());
        }
      } catch (IOException e) {
        throw new DamagedException();
      }
    }

    private int readInt(int at) {
      if (at < 0 || at + 4 > end) throw new DamagedException();
      return b.getInt(at);
    }

    /** Every stored article's entry, keyed by path (decodes the whole dictionary: for rewriting and tests). */
    Map<String, Entry> entries() {
      return entries(null);
    }

    /** The entries of the stored articles {@code keep} accepts (all when null). */
    private Map<String, Entry> entries(boolean[] keep) {
      int n = paths.length;
      int[] sizesOf = new int[n];
      for (int r = 0; r < vocabSize; r++) postingsOf(r, (d, v) -> sizesOf[d]++);
      String[][] w = new String[n][];
      int[][] data = new int[n][];
      for (int d = 0; d < n; d++) {
        if (keep != null && !keep[d]) continue;
        w[d] = new String[sizesOf[d]];
        data[d] = new int[sizesOf[d]];
      }
      int[] fill = new int[n];
      for (int r = 0; r < vocabSize; r++) {
        String word = word(r);
        postingsOf(r, (d, v) -> {
          if (w[d] == null) return;
          w[d][fill[d]] = word;
          data[d][fill[d]++] = v;
        });
      }
      Map<String, Entry> out = new HashMap<>(n * 2);
      for (int d = 0; d < n; d++) {
        if (w[d] != null) out.put(paths[d], new Entry(sizes[d], mtimes[d], doc(d), w[d], data[d], storedSource(d)));
      }
      return out;
    }
  }

  Path fileFor(Path root) {
    return dir.resolve("words-" + clinicreader.content.CacheFiles.nameHash(root.toString()) + ".bin");
  }

  /** Reads the stored part of the library at {@code root} (absolute); empty when none or unreadable. */
  Snapshot load(Path root) {
    Path f = fileFor(root);
    try {
      java.nio.ByteBuffer all;
      // mapped, not read: an 11 MB array cost a collection and a heap resize in every short run
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f)) {
        long len = ch.size();
        if (len < 16 || len > Integer.MAX_VALUE) return Snapshot.empty();
        all = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, len);
      } catch (java.nio.file.NoSuchFileException e) {
        return Snapshot.empty();
      }
      // the sources (most of the file) come last, outside the checksum: each is read only when
      // shown, and is checked then by its own compressed form's checksum
      long mainEnd = all.getLong(all.capacity() - 8);
      if (mainEnd < 16 || mainEnd > all.capacity() - 16) return Snapshot.empty();
      int end = (int) mainEnd;
      long sources = mainEnd + 8;
      long sourcesEnd = all.capacity() - 8;
      // a checksum over everything before it: a flipped byte could otherwise still parse, as other words
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(all.duplicate().limit(end));
      if (all.getLong(end) != crc.getValue()) return Snapshot.empty();
      In in = new In(all, end);
      if (in.readLong() != MAGIC || in.readInt() != FORMAT || !root.toString().equals(in.readStr())) {
        return Snapshot.empty();
      }
      int n = in.readCount();
      String[] paths = new String[n];
      long[] sizes = new long[n];
      long[] mtimes = new long[n];
      int[] records = new int[n];
      long[] sourceAt = new long[n];
      int[] sourceLen = new int[n];
      long[] days = new long[n];
      int[] recordEnds = new int[n];
      boolean[] drafts = new boolean[n];
      for (int i = 0; i < n; i++) {
        String path = in.readStr();
        if (path == null) throw new IOException("corrupt cache");
        paths[i] = path;
        sizes[i] = in.readLong();
        mtimes[i] = in.readLong();
        long at = in.readLong();
        int len = in.readInt();
        if (len < 0 || at < 0 || sources + at + len > sourcesEnd) return Snapshot.empty();
        sourceAt[i] = sources + at;
        sourceLen[i] = len;
        // the rest of the record is read only for the articles a search shows or ranks
        records[i] = in.pos;
        in.skipStr();
        in.skipStr();
        long day = in.readLong();
        // a day a date cannot have would fail only when the article is shown
        if (day != NO_DATE && (day < MIN_DAY || day > MAX_DAY)) return Snapshot.empty();
        days[i] = day;
        drafts[i] = in.readByte() != 0;
        int nt = in.readCount();
        for (int t = 0; t < nt; t++) in.skipStr();
        in.skipStr();
        recordEnds[i] = in.pos;
      }
      int dictStart = in.pos;
      int words = in.readCount();
      int table = in.pos;
      in.skip(12L * words);
      int textLen = in.readInt();
      int text = in.pos;
      in.skip(textLen);
      int postLen = in.readInt();
      int postings = in.pos;
      in.skip(postLen);
      if (!in.atEnd()) return Snapshot.empty();
      Snapshot snap = new Snapshot(all, paths, sizes, mtimes, records, sourceAt, sourceLen, days, drafts, words, table,
          text, postings, end);
      snap.recordEnds = recordEnds;
      snap.dictStart = dictStart;
      return snap;
    } catch (IOException | RuntimeException | InternalError e) {
      // InternalError: the mapped file was cut short under us
      return Snapshot.empty();
    }
  }

  /** Writes what this search saw when anything changed; failures only cost speed. */
  void save(Path root, Snapshot s) {
    if (!s.stale() && !s.sourcesChanged) return;
    if (!s.stale() && s.dictStart >= 0 && saveSources(root, s)) return;
    Map<String, Entry> all;
    try {
      all = s.entries(s.seen);
    } catch (DamagedException e) {
      all = new HashMap<>();
    }
    all.putAll(s.next);
    for (Map.Entry<String, byte[]> p : s.parsed.entrySet()) {
      Entry e = all.get(p.getKey());
      if (e != null) {
        all.put(p.getKey(), new Entry(e.size(), e.mtimeNanos(), e.doc(), e.words(), e.data(), p.getValue()));
      }
    }
    save(root, all, s.startNanos);
  }

  /**
   * Writes the store again when only sources were added: the records with their new source
   * places, the dictionary and postings copied as they are (rebuilding them cost a new query's
   * first search more than the search), then the sources.
   */
  private boolean saveSources(Path root, Snapshot s) {
    int n = s.paths.length;
    byte[][] sources = new byte[n][];
    for (int i = 0; i < n; i++) {
      byte[] p = s.parsed.get(s.paths[i]);
      sources[i] = p != null ? p : s.storedSource(i);
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    return CacheFiles.replace(fileFor(root), "words-", os -> {
      DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(new java.util.zip.CheckedOutputStream(os, crc), 1 << 16));
      out.writeLong(MAGIC);
      out.writeInt(FORMAT);
      str(out, root.toString());
      var(out, n);
      long sourceAt = 0;
      byte[] copy = new byte[1 << 16];
      for (int i = 0; i < n; i++) {
        str(out, s.paths[i]);
        out.writeLong(s.sizes[i]);
        out.writeLong(s.mtimes[i]);
        int len = sources[i] == null ? 0 : sources[i].length;
        out.writeLong(sourceAt);
        out.writeInt(len);
        sourceAt += len;
        copyOut(s.b, s.records[i], s.recordEnds[i], out, copy);
      }
      copyOut(s.b, s.dictStart, s.end, out, copy);
      out.flush();
      long mainEnd = out.size();
      DataOutputStream tail = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
      tail.writeLong(crc.getValue());
      for (byte[] src : sources) {
        if (src != null) tail.write(src);
      }
      tail.writeLong(mainEnd);
      tail.flush();
    });
  }

  private static void copyOut(java.nio.ByteBuffer b, int from, int to, DataOutputStream out, byte[] buf)
      throws IOException {
    for (int at = from; at < to; ) {
      int k = Math.min(buf.length, to - at);
      b.get(at, buf, 0, k);
      out.write(buf, 0, k);
      at += k;
    }
  }

  /** Writes {@code entries} (keyed by absolute path) except those modified less than two seconds before {@code startNanos}. */
  void save(Path root, Map<String, Entry> entries, long startNanos) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (startNanos - e.getValue().mtimeNanos() >= RACY_NANOS) keys.add(e.getKey());
    }
    keys.sort(null);
    // postings per word, in article order: (article, data) pairs
    Map<String, int[]> lists = new HashMap<>(1 << 14);
    Map<String, int[]> fills = new HashMap<>(1 << 14);
    for (int d = 0; d < keys.size(); d++) {
      Entry e = entries.get(keys.get(d));
      for (int j = 0; j < e.words().length; j++) {
        String w = e.words()[j];
        int[] fill = fills.computeIfAbsent(w, k -> new int[1]);
        int[] list = lists.get(w);
        if (list == null || fill[0] + 2 > list.length) {
          list = list == null ? new int[8] : java.util.Arrays.copyOf(list, list.length * 2);
          lists.put(w, list);
        }
        list[fill[0]++] = d;
        list[fill[0]++] = e.data()[j];
      }
    }
    String[] vocab = lists.keySet().toArray(new String[0]);
    java.util.Arrays.sort(vocab);
    java.io.ByteArrayOutputStream textBytes = new java.io.ByteArrayOutputStream(vocab.length * 12);
    java.io.ByteArrayOutputStream postBytes = new java.io.ByteArrayOutputStream(1 << 20);
    int[] textAt = new int[vocab.length];
    int[] postAt = new int[vocab.length];
    int[] counts = new int[vocab.length];
    try {
      DataOutputStream t = new DataOutputStream(textBytes);
      DataOutputStream p = new DataOutputStream(postBytes);
      for (int r = 0; r < vocab.length; r++) {
        textAt[r] = t.size();
        str(t, vocab[r]);
        postAt[r] = p.size();
        int[] list = lists.get(vocab[r]);
        int n = fills.get(vocab[r])[0];
        counts[r] = n / 2;
        int prev = -1;
        for (int k = 0; k < n; k += 2) {
          var(p, list[k] - prev - 1);
          prev = list[k];
          p.writeInt(list[k + 1]);
        }
      }
    } catch (IOException e) {
      return;
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    CacheFiles.replace(fileFor(root), "words-", os -> {
      DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(new java.util.zip.CheckedOutputStream(os, crc), 1 << 16));
      out.writeLong(MAGIC);
      out.writeInt(FORMAT);
      str(out, root.toString());
      var(out, keys.size());
      long sourceAt = 0;
      for (String key : keys) {
        Entry e = entries.get(key);
        Doc d = e.doc();
        str(out, key);
        out.writeLong(e.size());
        out.writeLong(e.mtimeNanos());
        int len = e.source() == null ? 0 : e.source().length;
        out.writeLong(sourceAt);
        out.writeInt(len);
        sourceAt += len;
        str(out, d.slug());
        str(out, d.title());
        // the day number, not the text: parsing 10,000 dates was a tenth of a warm search
        out.writeLong(d.date() == null ? NO_DATE : d.date().toEpochDay());
        out.writeByte(d.draft() ? 1 : 0);
        var(out, d.tags().size());
        for (String tag : d.tags()) str(out, tag);
        str(out, d.summary());
      }
      var(out, vocab.length);
      for (int r = 0; r < vocab.length; r++) {
        out.writeInt(textAt[r]);
        out.writeInt(postAt[r]);
        out.writeInt(counts[r]);
      }
      out.writeInt(textBytes.size());
      textBytes.writeTo(out);
      out.writeInt(postBytes.size());
      postBytes.writeTo(out);
      out.flush();
      long mainEnd = out.size();
      DataOutputStream tail = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
      tail.writeLong(crc.getValue());
      for (String key : keys) {
        byte[] src = entries.get(key).source();
        if (src != null) tail.write(src);
      }
      tail.writeLong(mainEnd);
      tail.flush();
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
    private final java.nio.ByteBuffer b;
    private final int end;
    private int pos;
    private byte[] scratch = new byte[256];

    In(java.nio.ByteBuffer b, int end) {
      this.b = b;
      this.end = end;
    }

    private void need(int n) throws IOException {
      if (n < 0 || pos + n > end) throw new IOException("truncated cache");
    }

    void skipStr() throws IOException {
      int n = readVar();
      if (n > 0) skip(n - 1);
    }

    void skip(long n) throws IOException {
      if (n < 0 || pos + n > end) throw new IOException("truncated cache");
      pos += (int) n;
    }

    boolean atEnd() {
      return pos == end;
    }

    int readByte() throws IOException {
      need(1);
      return b.get(pos++) & 0xFF;
    }

    int readInt() throws IOException {
      need(4);
      int v = b.getInt(pos);
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
      if (scratch.length < n) scratch = new byte[Math.max(n, 2 * scratch.length)];
      b.get(pos, scratch, 0, n);
      pos += n;
      return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }
  }
}
