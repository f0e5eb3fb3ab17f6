package clinicreader.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The articles under one root directory (subfolders too), read from their front matter only.
 * Files that cannot be read as articles are left out, each with one {@link Problem}.
 */
public final class Library {
  private final Path root;
  private final List<ArticleMeta> articles;
  private final List<Problem> warnings;
  private final long maxBytes;
  /**
   * The cache key each file was read under (absolute path to key): every article's, and every
   * regular file's that was read and refused (its warning is about its content); null without a
   * cache.
   */
  final Map<String, IndexStore.Key> keys;
  /** How many of {@link #warnings} are about such a refused file, each holding a key. */
  final int keyedProblems;
  /** The clock when the opening started; with {@link #keys}, what a derived cache may store. */
  final long startNanos;

  private Library(Path root, List<ArticleMeta> articles, List<Problem> warnings, long maxBytes) {
    this(root, articles, warnings, maxBytes, null, 0, 0);
  }

  private Library(Path root, List<ArticleMeta> articles, List<Problem> warnings, long maxBytes,
      Map<String, IndexStore.Key> keys, int keyedProblems, long startNanos) {
    this.root = root;
    this.articles = List.copyOf(articles);
    this.warnings = List.copyOf(warnings);
    this.maxBytes = maxBytes;
    this.keys = keys;
    this.keyedProblems = keyedProblems;
    this.startNanos = startNanos;
  }

  /** How to order the list. */
  public enum Sort {
    DATE, TITLE;

    public Comparator<ArticleMeta> comparator() {
      Comparator<ArticleMeta> byTitle = Comparator.comparing(a -> a.title().toLowerCase(Locale.ROOT));
      if (this == TITLE) return byTitle.thenComparing(ArticleMeta::slug);
      return Comparator.comparing((ArticleMeta a) -> a.front().date(),
          Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byTitle).thenComparing(ArticleMeta::slug);
    }
  }

  /** Opens the library at {@code root}, reading every article's front matter (in parallel). */
  public static Library open(Path root, long maxBytes) throws ContentException {
    return open(root, maxBytes, null);
  }

  /**
   * Opens the library at {@code root}; with a {@code store}, articles whose path, size and
   * modification time match its cache are taken from there instead of being read again.
   */
  public static Library open(Path root, long maxBytes, IndexStore store) throws ContentException {
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ContentException(Problem.error(root, 0, 0,
          "no articles directory here; point at one with --dir DIR or CLINIC_READER_DIR=DIR", "library"));
    }
    // the cache first: its clock must be read before any file is looked at
    IndexStore.Snapshot cache = store == null ? null : store.load(abs);
    String rootText = abs.toString();
    ConcurrentLinkedQueue<Dated> found = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    // sized when the root folder is listed, before any file is read
    List<Map<String, IndexStore.Key>> keyMap = new ArrayList<>(1);
    java.util.concurrent.atomic.AtomicInteger keyedProblems = new java.util.concurrent.atomic.AtomicInteger();
    Consumer<Found> read = f -> {
      // the walk does not follow links, so only a linked file can point outside the root
      if (f.attrs().isSymbolicLink() && !ArticleFiles.isInside(abs, f.path())) {
        problems.add(Problem.warning(f.path(), 0, 0, "links outside the articles directory; skipped", "file"));
        return;
      }
      String key = f.path().toString();
      IndexStore.Key k = f.attrs().isSymbolicLink() || f.attrs().size() > maxBytes ? null
          : new IndexStore.Key(f.attrs().size(), f.attrs().lastModifiedTime().to(TimeUnit.NANOSECONDS));
      try {
        ArticleMeta m = cache == null || k == null ? null : cache.lookup(key, k);
        if (m == null) {
          m = readMeta(f.path(), walkedSlug(rootText, abs, f.path()), maxBytes, f.attrs());
          if (cache != null && k != null) cache.put(key, k, m);
        }
        if (k != null) keyMap.get(0).put(key, k);
        // its sort keys made here, on both cores
        found.add(new Dated(m));
      } catch (ContentException e) {
        problems.add(e.problem());
        // a regular file read and refused (no front matter, not UTF-8, binary): the same file
        // gives the same warning, so a derived cache may store the warning under its key
        if (k != null && f.attrs().isRegularFile() && !e.unreadable()) {
          keyMap.get(0).put(key, k);
          keyedProblems.incrementAndGet();
        }
      }
    };
    // each file is read by the thread that has just read its attributes: a whole walk first and
    // the reading after cost a second round of the thread pool, and the walk's sort
    walk(abs, read, listed -> {
      if (keyMap.isEmpty()) keyMap.add(new java.util.concurrent.ConcurrentHashMap<>(listed + listed / 3 + 16));
      if (cache != null) cache.expect(listed);
    });
    Map<String, IndexStore.Key> keys = keyMap.isEmpty() ? Map.of() : keyMap.get(0);
    if (cache != null) store.save(abs, cache);
    List<ArticleMeta> list = byDate(found);
    List<Problem> warn = new ArrayList<>(problems);
    warn.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return cache == null ? new Library(abs, list, warn, maxBytes)
        : new Library(abs, list, warn, maxBytes, keys, keyedProblems.get(), cache.startNanos);
  }

  /** An article with its keys for {@link Sort#DATE}: the day (none last) and the lower-cased title. */
  private static final class Dated {
    final ArticleMeta meta;
    final long day;
    final String title;

    Dated(ArticleMeta meta) {
      this.meta = meta;
      java.time.LocalDate date = meta.front().date();
      day = date == null ? Long.MIN_VALUE : date.toEpochDay();
      title = meta.title().toLowerCase(Locale.ROOT);
    }
  }

  /** Sort.DATE's order written out: its chain of key extractors cost a tenth of a first list of 10,000. */
  private static final Comparator<Dated> BY_DATE = new Comparator<>() {
    @Override
    public int compare(Dated a, Dated b) {
      if (a.day != b.day) return a.day < b.day ? 1 : -1;
      int c = a.title.compareTo(b.title);
      return c != 0 ? c : a.meta.slug().compareTo(b.meta.slug());
    }
  };

  /** The articles in {@link Sort#DATE} order, sorted on both cores when there are many. */
  private static List<ArticleMeta> byDate(java.util.Collection<Dated> items) {
    Dated[] all = items.toArray(new Dated[0]);
    java.util.Arrays.parallelSort(all, BY_DATE);
    ArticleMeta[] out = new ArticleMeta[all.length];
    for (int i = 0; i < all.length; i++) out[i] = all[i].meta;
    return java.util.Arrays.asList(out);
  }

  /** A library with no articles, for reading single files outside any library. */
  public static Library empty(Path root, long maxBytes) {
    return new Library(root.toAbsolutePath().normalize(), List.of(), List.of(), maxBytes);
  }

  /** A Markdown file found by the walk, with the attributes read on the way (of the link itself, for a link). */
  public record Found(Path path, BasicFileAttributes attrs) {}

  /** Every {@code *.md} path under {@code root}, skipping hidden folders and files. */
  public static List<Path> findMarkdown(Path root) throws ContentException {
    return walk(root).stream().map(Found::path).toList();
  }

  /**
   * Every {@code *.md} file under {@code root}, by path, with its attributes: hidden entries are
   * skipped, sub-folders entered (a folder named {@code *.md} is also listed, to be reported),
   * links below the root never followed (the root itself may be a link to a folder);
   * unreadable entries and folders are passed over. The attributes are read on both cores: on
   * a loaded machine each costs several microseconds, and the callers need them anyway.
   */
  public static List<Found> walk(Path root) throws ContentException {
    List<Found> sorted = new ArrayList<>(walkUnordered(root));
    sorted.sort(BY_PATH);
    return sorted;
  }

  /** What {@link #walk} finds, in no particular order (for a caller that ranks or sorts anyway). */
  public static List<Found> walkUnordered(Path root) throws ContentException {
    List<Found> out = java.util.Collections.synchronizedList(new ArrayList<>());
    walk(root, out::add, listed -> { });
    return out;
  }

  private static final Comparator<Found> BY_PATH = new Comparator<>() {
    @Override
    public int compare(Found a, Found b) {
      return a.path().compareTo(b.path());
    }
  };

  /**
   * Hands every {@code *.md} file under {@code dir} to {@code each} as soon as its attributes
   * are read, on whichever core read them; {@code listed} first hears how many entries the
   * folder holds.
   */
  private static void walk(Path dir, Consumer<Found> each, java.util.function.IntConsumer listed) {
    List<Path> entries = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        // the name from the path's text: getFileName() makes a path and a string of each name
        String s = p.toString();
        if (s.charAt(s.lastIndexOf('/') + 1) != '.') entries.add(p);
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return;
    }
    listed.accept(entries.size());
    List<Path> dirs = new java.util.concurrent.CopyOnWriteArrayList<>();
    (entries.size() > 64 ? entries.parallelStream() : entries.stream()).forEach(p -> {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        return;
      }
      if (a.isDirectory()) dirs.add(p);
      if (p.toString().endsWith(".md")) each.accept(new Found(p, a));
    });
    for (Path d : dirs) walk(d, each, listed);
  }

  /** Reads one article's front matter and counts its words, without parsing the body. */
  public static ArticleMeta readMeta(Path file, String slug, long maxBytes) throws ContentException {
    return readMeta(file, slug, maxBytes, null);
  }

  /** {@link #readMeta(Path, String, long)} with the file's attributes, when just read by the walk. */
  static ArticleMeta readMeta(Path file, String slug, long maxBytes, BasicFileAttributes attrs) throws ContentException {
    // each thread reads file after file into one array: an array per file was a third of what
    // a first listing allocated, and its collections
    ArticleFiles.Buffer buf = BUFFER.get();
    if (ArticleFiles.readInto(file, maxBytes, attrs, buf)) {
      // the quick read takes no file with a NUL byte, so only the usual one needs the look for binaries
      ArticleMeta quick = MetaScan.read(file, slug, buf.bytes, buf.length);
      if (buf.bytes.length > KEPT_BUFFER) BUFFER.remove();
      if (quick != null) return quick;
      byte[] bytes = java.util.Arrays.copyOf(buf.bytes, buf.length);
      ArticleFiles.refuseBinary(file, bytes);
      return decoded(file, slug, bytes);
    }
    // it changed while being read: read again the usual way
    byte[] bytes = ArticleFiles.readAny(file, maxBytes, attrs);
    ArticleMeta quick = MetaScan.read(file, slug, bytes, bytes.length);
    if (quick != null) return quick;
    ArticleFiles.refuseBinary(file, bytes);
    return decoded(file, slug, bytes);
  }

  private static final ThreadLocal<ArticleFiles.Buffer> BUFFER = ThreadLocal.withInitial(ArticleFiles.Buffer::new);
  /** The largest read buffer a thread keeps for the next file (a larger one was for a rare large file). */
  private static final int KEPT_BUFFER = 1 << 20;

  /** {@link #readMeta} the usual way: the text decoded, then split, read and scanned as Strings. */
  static ArticleMeta decoded(Path file, String slug, byte[] bytes) throws ContentException {
    SourceText src = SourceText.decode(bytes);
    FrontMatterParser.Split split = FrontMatterParser.split(file, src.text());
    FrontMatter fm = FrontMatterParser.parse(file, split);
    return new ArticleMeta(slug, file, fm, ArticleMeta.countWords(split.body()),
        Outline.scan(split.body(), split.bodyLine()));
  }

  /** The slug of a file: its path relative to the root, '/'-separated, without ".md". */
  public static String slugOf(Path root, Path file) {
    Path rel = root.relativize(file.toAbsolutePath().normalize());
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) sb.append('/');
      sb.append(part.toString());
    }
    String s = sb.toString();
    return Text.cleanLine(s.endsWith(".md") ? s.substring(0, s.length() - 3) : s);
  }

  /**
   * {@link #slugOf} of a file the walk found under {@code root} ({@code rootText} is its text):
   * the walk's paths are the root's text, '/' and names that are never "." or "..", so the slug is
   * the rest of the text. Anything else goes the usual way.
   */
  static String walkedSlug(String rootText, Path root, Path file) {
    String f = file.toString();
    int from = rootText.length() + 1;
    if (java.io.File.separatorChar != '/' || rootText.endsWith("/") || f.length() <= from
        || !f.startsWith(rootText) || f.charAt(from - 1) != '/') {
      return slugOf(root, file);
    }
    int end = f.endsWith(".md") ? f.length() - 3 : f.length();
    return Text.cleanLine(f.substring(from, end));
  }

  public Path root() {
    return root;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** All articles, drafts included, newest first. */
  public List<ArticleMeta> all() {
    return articles;
  }

  /** The articles a reader sees: drafts only when asked for. */
  public List<ArticleMeta> visible(boolean drafts) {
    return drafts ? articles : articles.stream().filter(a -> !a.front().draft()).toList();
  }

  /** Files left out, one problem each. */
  public List<Problem> warnings() {
    return warnings;
  }

  public Optional<ArticleMeta> bySlug(String slug) {
    return articles.stream().filter(a -> a.slug().equals(slug)).findFirst();
  }

  /**
   * Resolves a link target written in an article (relative ".md" path, or a slug, optionally
   * with "#anchor") to an article of this library. Never resolves outside the root.
   */
  public Optional<ArticleMeta> resolveLink(ArticleMeta from, String target) {
    String t = target;
    int hash = t.indexOf('#');
    if (hash >= 0) t = t.substring(0, hash);
    if (t.isEmpty() || t.contains(":") || t.startsWith("/")) return Optional.empty();
    Path base = from == null ? root : from.path().toAbsolutePath().normalize().getParent();
    Path candidate;
    try {
      candidate = base.resolve(t.endsWith(".md") ? t : t + ".md").normalize();
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty(); // a NUL or the like: no file can have that name
    }
    if (candidate.startsWith(root)) {
      Optional<ArticleMeta> hit = articles.stream()
          .filter(a -> a.path().toAbsolutePath().normalize().equals(candidate)).findFirst();
      if (hit.isPresent()) return hit;
    }
    String slug = t.endsWith(".md") ? t.substring(0, t.length() - 3) : t;
    return bySlug(slug);
  }

  /**
   * The related articles of {@code meta}: its front matter's {@code related} slugs that exist,
   * else the articles sharing the most tags with it, newest first. Drafts only when asked for.
   */
  public List<ArticleMeta> related(ArticleMeta meta, int max, boolean drafts) {
    List<ArticleMeta> pool = visible(drafts);
    List<ArticleMeta> out = new ArrayList<>();
    for (String slug : meta.front().related()) {
      pool.stream().filter(a -> a.slug().equals(slug) && !a.slug().equals(meta.slug()))
          .findFirst().ifPresent(a -> { if (!out.contains(a)) out.add(a); });
    }
    if (!out.isEmpty()) return out.size() > max ? out.subList(0, max) : out;
    java.util.Set<String> tags = new java.util.HashSet<>(meta.front().tags());
    if (tags.isEmpty()) return List.of();
    return pool.stream()
        .filter(a -> !a.slug().equals(meta.slug()))
        .filter(a -> a.front().tags().stream().anyMatch(tags::contains))
        .sorted(Comparator.comparingLong((ArticleMeta a) -> -a.front().tags().stream().filter(tags::contains).count())
            .thenComparing(Sort.DATE.comparator()))
        .limit(max)
        .toList();
  }

  /** Fully reads an article of this library. */
  public Article.Loaded load(ArticleMeta meta) throws ContentException {
    return Article.load(meta.path(), meta.slug(), maxBytes);
  }
}
