package clinicreader.search;

import clinicreader.content.ArticleFiles;
import clinicreader.content.ContentException;
import clinicreader.content.FrontMatter;
import clinicreader.content.FrontMatterParser;
import clinicreader.content.Library;
import clinicreader.content.Problem;
import clinicreader.content.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import clinicreader.content.Library.Found;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One query over a whole articles folder, for the command line: no index is built. Every file is
 * read in parallel and first checked on its raw bytes (like grep) for each query word; only
 * the files that may match have their front matter read and their words matched exactly, with
 * the same rules and ranking as {@link SearchIndex}.
 */
public final class LibraryScan {
  private LibraryScan() {}

  /**
   * The ranked results and the files that could not be read. A result's location and snippet
   * need its article's text: {@link #prepare} works them out for a stretch of results on both
   * cores, and {@link #finish} stores the articles that were parsed for that, for the next
   * search.
   */
  public static final class Outcome {
    private final List<Result> results;
    private final List<Problem> warnings;
    private Runnable save;

    Outcome(List<Result> results, List<Problem> warnings) {
      this.results = results;
      this.warnings = warnings;
    }

    public List<Result> results() {
      return results;
    }

    public List<Problem> warnings() {
      return warnings;
    }

    /** Works out the locations (and so the snippets) of results {@code [from, to)}. */
    public void prepare(int from, int to) {
      List<Result> some = results.subList(Math.max(0, from), Math.min(to, results.size()));
      // each article not stored is read and parsed: on both cores
      if (some.size() > 1) some.parallelStream().forEach(Result::location);
      else if (some.size() == 1) some.get(0).location();
    }

    /** Stores what this search read and parsed (once; nothing without a store). */
    public void finish() {
      Runnable s = save;
      save = null;
      if (s != null) s.run();
    }
  }

  /** Searches the articles under {@code root} (drafts only when asked for), without a cache. */
  public static Outcome search(Path root, long maxBytes, boolean drafts, Query query) throws ContentException {
    return search(root, maxBytes, drafts, query, null);
  }

  /**
   * Searches the articles under {@code root} (drafts only when asked for). With a store, each
   * unchanged file's words come from it instead of the file, and what was read is stored for
   * the next search; the results are the same either way.
   */
  public static Outcome search(Path root, long maxBytes, boolean drafts, Query query, WordStore store)
      throws ContentException {
    return search(root, maxBytes, drafts, query, store, 0);
  }

  /**
   * {@link #search(Path, long, boolean, Query, WordStore)}, with the locations and snippets of
   * the first {@code show} results (all when 0) worked out before it returns, on both cores; with
   * a store, those that needed their file parsed are stored for the next search.
   */
  public static Outcome search(Path root, long maxBytes, boolean drafts, Query query, WordStore store, int show)
      throws ContentException {
    Outcome out = begin(root, maxBytes, drafts, query, store);
    out.prepare(0, show <= 0 ? Integer.MAX_VALUE : show);
    out.finish();
    return out;
  }

  /**
   * The ranked results, with no location worked out yet and nothing stored: the caller
   * {@linkplain Outcome#prepare prepares} the results it shows, as it shows them, then
   * {@linkplain Outcome#finish finishes}.
   */
  public static Outcome begin(Path root, long maxBytes, boolean drafts, Query query, WordStore store)
      throws ContentException {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ContentException(Problem.error(root, 0, 0,
          "no articles directory here; point at one with --dir DIR or CLINIC_READER_DIR=DIR", "library"));
    }
    byte[][] ascii = asciiWords(query);
    if (store != null) {
      // in no order: the results are ranked and the warnings sorted afterwards
      List<Found> files = Library.walkUnordered(abs);
      WordStore.Snapshot snap = store.load(abs);
      try {
        return searchStored(abs, files, maxBytes, drafts, query, ascii, store, snap);
      } catch (WordStore.DamagedException e) {
        return searchStored(abs, files, maxBytes, drafts, query, ascii, store, WordStore.Snapshot.empty());
      }
    }
    List<Path> files = Library.findMarkdown(abs);
    ConcurrentLinkedQueue<Object[]> found = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    files.parallelStream().forEach(f -> {
      try {
        byte[] bytes = ArticleFiles.read(f, maxBytes);
        if (!RawFilter.mayMatch(bytes, ascii)) return;
        String text = SourceText.decode(bytes).text();
        FrontMatterParser.Split split = FrontMatterParser.split(f, text);
        FrontMatter fm = FrontMatterParser.parse(f, split);
        if (fm.draft() && !drafts) return;
        Doc doc = new Doc(Library.slugOf(abs, f), f, fm.title(), fm.date(), fm.draft(), fm.tags(), fm.summary());
        Hit hit = match(doc, split.body(), query);
        if (hit == null) return;
        if (!ArticleFiles.isInside(abs, f)) {
          problems.add(Problem.warning(f, 0, 0, "links outside the articles directory; skipped", "file"));
          return;
        }
        found.add(new Object[] {doc, hit});
      } catch (ContentException e) {
        problems.add(e.problem());
      }
    });
    return outcome(found, problems, query, maxBytes, null);
  }

  private static Outcome outcome(java.util.Collection<Object[]> found, java.util.Collection<Problem> problems,
      Query query, long maxBytes, Excerpts.Store stored) {
    List<Ranked> ranked = new ArrayList<>(found.size());
    for (Object[] o : found) {
      if (o.length == 2) {
        Doc d = (Doc) o[0];
        ranked.add(new Ranked((Hit) o[1], d.date() == null ? WordStore.Snapshot.NO_DAY : d.date().toEpochDay(), d, null, -1));
      } else {
        WordStore.Snapshot snap = (WordStore.Snapshot) o[0];
        int id = (Integer) o[1];
        ranked.add(new Ranked((Hit) o[2], snap.day(id), null, snap, id));
      }
    }
    ranked.sort(Ranked.ORDER);
    Excerpts excerpts = new Excerpts(maxBytes, stored);
    List<Result> results = new ArrayList<>(ranked.size());
    for (Ranked r : ranked) {
      results.add(r.doc != null ? new Result(r.doc, query, r.hit, excerpts)
          : new Result(r.snap, r.id, query, r.hit, excerpts));
    }
    List<Problem> warn = new ArrayList<>(problems);
    if (warn.size() > 1) warn.sort(BY_FILE_AND_LINE);
    return new Outcome(results, warn);
  }

  /** Warnings by file, then line (a class of its own: comparator lambdas are made at run time on every search). */
  private static final Comparator<Problem> BY_FILE_AND_LINE = new Comparator<>() {
    @Override
    public int compare(Problem a, Problem b) {
      int c = a.file().compareTo(b.file());
      return c != 0 ? c : Integer.compare(a.line(), b.line());
    }
  };

  /**
   * A hit with what ranks it: a stored article's facts are decoded only for a tie on everything
   * but the slug (decoding every matching article's record was a sixth of a warm search).
   */
  private static final class Ranked {
    static final Comparator<Ranked> ORDER = new Comparator<>() {
      @Override
      public int compare(Ranked a, Ranked b) {
        // the order of Hit.order: score, first body position, newer (undated last), slug
        if (a.hit.score() != b.hit.score()) return a.hit.score() > b.hit.score() ? -1 : 1;
        if (a.hit.firstPosition() != b.hit.firstPosition()) return a.hit.firstPosition() < b.hit.firstPosition() ? -1 : 1;
        if (a.day != b.day) return a.day > b.day ? -1 : 1;
        return a.doc().slug().compareTo(b.doc().slug());
      }
    };

    final Hit hit;
    final long day;
    Doc doc;
    final WordStore.Snapshot snap;
    final int id;

    Ranked(Hit hit, long day, Doc doc, WordStore.Snapshot snap, int id) {
      this.hit = hit;
      this.day = day;
      this.doc = doc;
      this.snap = snap;
      this.id = id;
    }

    Doc doc() {
      if (doc == null) doc = snap.doc(id);
      return doc;
    }
  }

  /**
   * A search with a store. Each file whose size and time match its stored record counts through
   * the stored postings of the query words, without being opened; every other file is read (and
   * its words stored for the next search), as without a store. The same results and warnings as
   * without a store: a file the raw check rules out reports no front matter problem, and a
   * symbolic link (whose target may change under the same size and time) is never stored.
   */
  private static Outcome searchStored(Path abs, List<Found> files, long maxBytes, boolean drafts, Query query,
      byte[][] ascii, WordStore store, WordStore.Snapshot cache) {
    List<Found> unknown = new ArrayList<>();
    for (Found f : files) {
      BasicFileAttributes a = f.attrs();
      if (a == null || !a.isRegularFile() || a.size() > maxBytes
          || cache.lookup(f.path().toString(), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)) < 0) {
        unknown.add(f);
      }
    }
    ConcurrentLinkedQueue<Object[]> found = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    (unknown.size() > 1 ? unknown.parallelStream() : unknown.stream()).forEach(f -> {
      try {
        readAndStore(abs, f, maxBytes, drafts, query, ascii, cache, found, problems);
      } catch (ContentException e) {
        problems.add(e.problem());
      }
    });
    storedHits(cache, drafts, query, found);
    // the shown articles' snippets come from the stored sources of unchanged files, unread; the
    // others are parsed now and their sources stored with the words
    Outcome out = outcome(found, problems, query, maxBytes, cache);
    out.save = () -> store.save(abs, cache);
    return out;
  }

  /** The stored articles seen unchanged that match every query word, from the words' postings. */
  private static void storedHits(WordStore.Snapshot cache, boolean drafts, Query query,
      java.util.Collection<Object[]> found) {
    int n = cache.size();
    int words = query.words().size();
    if (n == 0 || words == 0) return;
    int[][] masks = new int[words][n];
    int[][] counts = new int[words][n];
    int[][] firsts = new int[words][n];
    for (int i = 0; i < words; i++) {
      int[] m = masks[i];
      int[] c = counts[i];
      int[] f = firsts[i];
      java.util.Arrays.fill(f, Hit.NO_POSITION);
      cache.postings(query.words().get(i), (d, v) -> {
        m[d] |= v >>> 28;
        c[d] = Math.min(0xFF, c[d] + ((v >>> 20) & 0xFF));
        f[d] = Math.min(f[d], v & Hit.NO_POSITION);
      });
    }
    int[] wm = new int[words];
    int[] wc = new int[words];
    int[] wf = new int[words];
    for (int d = 0; d < n; d++) {
      if (!cache.seen(d) || counts[0][d] == 0) continue;
      if (cache.draft(d) && !drafts) continue;
      for (int i = 0; i < words; i++) {
        wm[i] = masks[i][d];
        wc[i] = counts[i][d];
        wf[i] = firsts[i][d];
      }
      Hit h = Hit.of(0, words, wm, wc, wf);
      // a regular file (not a link) that the walk reached without following links is inside the folder
      if (h != null) found.add(new Object[] {cache, d, h});
    }
  }

  /** One file not in the store (or changed): read, matched as without a store, and its words kept to store. */
  private static void readAndStore(Path abs, Found found, long maxBytes, boolean drafts, Query query, byte[][] ascii,
      WordStore.Snapshot cache, ConcurrentLinkedQueue<Object[]> out, ConcurrentLinkedQueue<Problem> problems)
      throws ContentException {
    Path f = found.path();
    BasicFileAttributes attrs = found.attrs();
    boolean storable = attrs != null && attrs.isRegularFile() && !attrs.isSymbolicLink() && attrs.size() <= maxBytes;
    long size = storable ? attrs.size() : -1;
    long mtime = storable ? attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) : -1;
    byte[] bytes = ArticleFiles.read(f, maxBytes);
    boolean may = RawFilter.mayMatch(bytes, ascii);
    WordStore.Entry e;
    try {
      String text = SourceText.decode(bytes).text();
      FrontMatterParser.Split split = FrontMatterParser.split(f, text);
      FrontMatter fm = FrontMatterParser.parse(f, split);
      Doc doc = new Doc(Library.slugOf(abs, f), f, fm.title(), fm.date(), fm.draft(), fm.tags(), fm.summary());
      // sources are parsed and stored only for shown articles: parsing all would triple a first search
      e = WordStore.Entry.of(size, mtime, doc, split.body(), cache.words, null);
    } catch (ContentException ex) {
      if (may) throw ex;
      return;
    }
    // stored only when this very content was read: a changed size means the file moved on
    if (storable && bytes.length == size) cache.put(f.toString(), e);
    if (!may) return;
    Doc doc = e.doc();
    if (doc.draft() && !drafts) return;
    Hit hit = e.match(query);
    if (hit == null) return;
    if (!storable && !ArticleFiles.isInside(abs, f)) {
      problems.add(Problem.warning(f, 0, 0, "links outside the articles directory; skipped", "file"));
      return;
    }
    out.add(new Object[] {doc, hit});
  }

  /** Matches one article directly, word by word: the same facts the index keeps, for one query. */
  static Hit match(Doc doc, String body, Query query) {
    int words = query.words().size();
    if (words == 0) return null;
    int[] masks = new int[words];
    int[] counts = new int[words];
    int[] firsts = new int[words];
    java.util.Arrays.fill(firsts, Hit.NO_POSITION);
    String[] w = query.words().toArray(new String[0]);
    doc.words(body, (buf, len, field, pos) -> {
      for (int i = 0; i < w.length; i++) {
        if (Tokenizer.startsWith(buf, len, w[i])) {
          masks[i] |= field.bit();
          if (counts[i] < 0xFF) counts[i]++;
          if (pos >= 0 && pos < firsts[i]) firsts[i] = Math.min(pos, Hit.NO_POSITION);
        }
      }
    });
    return Hit.of(0, words, masks, counts, firsts);
  }

  /** The query words as bytes when all are ASCII (the raw check needs that), else null. */
  static byte[][] asciiWords(Query q) {
    byte[][] out = new byte[q.words().size()][];
    for (int i = 0; i < out.length; i++) {
      String w = q.words().get(i);
      for (int k = 0; k < w.length(); k++) if (w.charAt(k) >= 0x80) return null;
      out[i] = w.getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }
}
