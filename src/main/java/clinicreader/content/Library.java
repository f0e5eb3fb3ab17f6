package clinicreader.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The articles under one root directory (subfolders too), read from their front matter only.
 * Files that cannot be read as articles are left out, each with one {@link Problem}.
 */
public final class Library {
  private final Path root;
  private final List<ArticleMeta> articles;
  private final List<Problem> warnings;
  private final long maxBytes;

  private Library(Path root, List<ArticleMeta> articles, List<Problem> warnings, long maxBytes) {
    this.root = root;
    this.articles = List.copyOf(articles);
    this.warnings = List.copyOf(warnings);
    this.maxBytes = maxBytes;
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
    Path abs = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new ContentException(Problem.error(root, 0, 0,
          "no articles directory here; point at one with --dir DIR or CLINIC_READER_DIR=DIR", "library"));
    }
    List<Path> files = findMarkdown(abs);
    ConcurrentLinkedQueue<ArticleMeta> found = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    files.parallelStream().forEach(f -> {
      try {
        if (!ArticleFiles.isInside(abs, f)) {
          problems.add(Problem.warning(f, 0, 0, "links outside the articles directory; skipped", "file"));
          return;
        }
        found.add(readMeta(f, slugOf(abs, f), maxBytes));
      } catch (ContentException e) {
        problems.add(e.problem());
      }
    });
    List<ArticleMeta> list = new ArrayList<>(found);
    list.sort(Sort.DATE.comparator());
    List<Problem> warn = new ArrayList<>(problems);
    warn.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return new Library(abs, list, warn, maxBytes);
  }

  /** A library with no articles, for reading single files outside any library. */
  public static Library empty(Path root, long maxBytes) {
    return new Library(root.toAbsolutePath().normalize(), List.of(), List.of(), maxBytes);
  }

  /** Every {@code *.md} path under {@code root}, skipping hidden folders and files. */
  public static List<Path> findMarkdown(Path root) throws ContentException {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
          if (!dir.equals(root) && dir.getFileName().toString().endsWith(".md")) out.add(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (name.endsWith(".md") && !name.startsWith(".")) out.add(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ContentException(Problem.error(root, 0, 0, "cannot list: " + e.getMessage(), "library"));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Reads one article's front matter and counts its words, without parsing the body. */
  public static ArticleMeta readMeta(Path file, String slug, long maxBytes) throws ContentException {
    byte[] bytes = ArticleFiles.read(file, maxBytes);
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
