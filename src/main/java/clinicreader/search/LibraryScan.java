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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
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

  /** The ranked results and the files that could not be read. */
  public record Outcome(List<Result> results, List<Problem> warnings) {}

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
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ContentException(Problem.error(root, 0, 0,
          "no articles directory here; point at one with --dir DIR or CLINIC_READER_DIR=DIR", "library"));
    }
    List<Path> files = Library.findMarkdown(abs);
    byte[][] ascii = asciiWords(query);
    WordStore.Snapshot cache = store == null ? null : store.load(abs);
    ConcurrentLinkedQueue<Object[]> found = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    files.parallelStream().forEach(f -> {
      try {
        if (cache != null) {
          searchCached(abs, f, maxBytes, drafts, query, ascii, cache, found, problems);
          return;
        }
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
    if (cache != null) store.save(abs, cache);
    List<Doc> docs = new ArrayList<>();
    List<Hit> hits = new ArrayList<>();
    for (Object[] o : found) {
      Hit h = (Hit) o[1];
      hits.add(new Hit(docs.size(), h.score(), h.firstPosition(), h.field()));
      docs.add((Doc) o[0]);
    }
    hits.sort(Hit.order(docs));
    Excerpts excerpts = new Excerpts(maxBytes);
    List<Result> results = new ArrayList<>(hits.size());
    for (Hit h : hits) results.add(new Result(docs.get(h.doc()), query, h, excerpts));
    List<Problem> warn = new ArrayList<>(problems);
    warn.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return new Outcome(results, warn);
  }

  /**
   * One file of a search with a store: the stored words when the file's size and time match,
   * else the file read and its words stored. The same results and warnings as without a store:
   * a file the raw check rules out reports no front matter problem, and a symbolic link (whose
   * target may change under the same size and time) is never stored.
   */
  private static void searchCached(Path abs, Path f, long maxBytes, boolean drafts, Query query, byte[][] ascii,
      WordStore.Snapshot cache, ConcurrentLinkedQueue<Object[]> found, ConcurrentLinkedQueue<Problem> problems)
      throws ContentException {
    String key = f.toString();
    BasicFileAttributes attrs = null;
    try {
      attrs = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      // read below reports it
    }
    boolean storable = attrs != null && attrs.isRegularFile() && !attrs.isSymbolicLink() && attrs.size() <= maxBytes;
    long size = storable ? attrs.size() : -1;
    long mtime = storable ? attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) : -1;
    WordStore.Entry e = storable ? cache.lookup(key, size, mtime) : null;
    if (e == null) {
      byte[] bytes = ArticleFiles.read(f, maxBytes);
      boolean may = RawFilter.mayMatch(bytes, ascii);
      try {
        String text = SourceText.decode(bytes).text();
        FrontMatterParser.Split split = FrontMatterParser.split(f, text);
        FrontMatter fm = FrontMatterParser.parse(f, split);
        Doc doc = new Doc(Library.slugOf(abs, f), f, fm.title(), fm.date(), fm.draft(), fm.tags(), fm.summary());
        e = WordStore.Entry.of(size, mtime, doc, split.body(), cache.words);
      } catch (ContentException ex) {
        if (may) throw ex;
        return;
      }
      // stored only when this very content was read: a changed size means the file moved on
      if (storable && bytes.length == size) cache.put(key, e);
      if (!may) return;
    }
    Doc doc = e.doc();
    if (doc.draft() && !drafts) return;
    Hit hit = e.match(query);
    if (hit == null) return;
    // a regular file (not a link) that the walk reached without following links is inside the
    // folder: resolving both paths for every hit cost a fifth of a warm search
    if (!storable && !ArticleFiles.isInside(abs, f)) {
      problems.add(Problem.warning(f, 0, 0, "links outside the articles directory; skipped", "file"));
      return;
    }
    found.add(new Object[] {doc, hit});
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
