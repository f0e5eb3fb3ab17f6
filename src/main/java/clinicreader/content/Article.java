package clinicreader.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;

/**
 * A fully read article: its metadata, the parsed body (commonmark's node tree, the document
 * model) and its outline. {@code bodyLine} is the file line where the body starts.
 */
public record Article(ArticleMeta meta, Node document, Outline outline, int bodyLine, SourceText source) {

  /**
   * Reads and parses an article file. A file with broken front matter still yields its body
   * (titled by file name) plus the problem, so {@code render} can show it and exit 1.
   */
  public static Loaded load(Path file, String slug, long maxBytes) throws ContentException {
    return read(file, slug, maxBytes).parse();
  }

  /** Reads an article file (as {@link #load} does) without parsing its body yet. */
  public static Read read(Path file, String slug, long maxBytes) throws ContentException {
    byte[] bytes = ArticleFiles.read(file, maxBytes);
    SourceText src = SourceText.decode(bytes);
    List<Problem> problems = new ArrayList<>();
    FrontMatter fm;
    String body;
    int bodyLine;
    try {
      FrontMatterParser.Split split = FrontMatterParser.split(file, src.text());
      body = split.body();
      bodyLine = split.bodyLine();
      try {
        fm = FrontMatterParser.parse(file, split);
      } catch (ContentException e) {
        problems.add(e.problem());
        fm = fallback(file);
      }
    } catch (ContentException e) {
      problems.add(e.problem());
      fm = fallback(file);
      body = src.text();
      bodyLine = 1;
    }
    return new Read(file, slug, fm, body, bodyLine, src, problems);
  }

  /**
   * An article file read, its body not parsed yet: parsed whole ({@link #parse}), or in parts
   * for printing it once ({@link #parts}).
   */
  public static final class Read {
    private final Path file;
    private final String slug;
    private final FrontMatter fm;
    private final String body;
    private final int bodyLine;
    private final SourceText src;
    private final List<Problem> problems;

    private Read(Path file, String slug, FrontMatter fm, String body, int bodyLine, SourceText src,
        List<Problem> problems) {
      this.file = file;
      this.slug = slug;
      this.fm = fm;
      this.body = body;
      this.bodyLine = bodyLine;
      this.src = src;
      this.problems = problems;
    }

    /** The article with its whole body parsed. */
    public Loaded parse() {
      // a long body's words are counted on the second core while the first one parses
      java.util.concurrent.FutureTask<Integer> words = null;
      if (body.length() >= PARALLEL_WORDS) {
        String b = body;
        words = new java.util.concurrent.FutureTask<>(() -> ArticleMeta.countWords(b));
        Thread t = new Thread(words, "count-words");
        t.setDaemon(true);
        t.start();
      }
      Node doc = Markdown.parse(body);
      Outline outline = Outline.of(doc, bodyLine);
      int wordCount = words == null ? ArticleMeta.countWords(body) : join(words);
      ArticleMeta meta = new ArticleMeta(slug, file, fm, wordCount, outline);
      return new Loaded(new Article(meta, doc, outline, bodyLine, src), problems);
    }

    /**
     * The article with its body as parts parsed one after another ({@link Markdown#parts(String)}),
     * its outline scanned ({@link Outline#scan}); null for a body not long enough or not cut.
     * Whoever lays the parts out checks the scanned outline against the parts' headings.
     */
    public Parted parts() {
      Markdown.Parts parts = Markdown.parts(body);
      if (parts == null) return null;
      // the parts are cut and parsed meanwhile, and the outline scanned beside the word count:
      // all three are needed before the page can start (a body that turns out not to be cut
      // leaves its scan to finish on the other core, unused)
      java.util.concurrent.FutureTask<Outline> scan = new java.util.concurrent.FutureTask<>(new Scan(body, bodyLine));
      Thread t = new Thread(scan, "scan-outline");
      t.setDaemon(true);
      t.start();
      int wordCount = ArticleMeta.countWords(body);
      if (!parts.cut()) {
        parts.close();
        return null;
      }
      Outline outline = join(scan);
      return new Parted(new ArticleMeta(slug, file, fm, wordCount, outline), parts, bodyLine, problems);
    }
  }

  /** {@link Outline#scan} as a task (a class rather than a lambda: no class is spun for it at run time). */
  private record Scan(String body, int bodyLine) implements java.util.concurrent.Callable<Outline> {
    @Override
    public Outline call() {
      return Outline.scan(body, bodyLine);
    }
  }

  /**
   * An article whose body comes as parts in order (see {@link Markdown.Parts}): its metadata,
   * with the outline scanned from the text, and the body line of the file.
   */
  public record Parted(ArticleMeta meta, Markdown.Parts body, int bodyLine, List<Problem> problems) {}

  /** Bodies at least this long (chars) have their words counted on another thread. */
  private static final int PARALLEL_WORDS = 1 << 18;

  private static <T> T join(java.util.concurrent.FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** An article and the problems met while reading it (empty when it read cleanly). */
  public record Loaded(Article article, List<Problem> problems) {}

  private static FrontMatter fallback(Path file) {
    String name = file.getFileName() == null ? "article" : file.getFileName().toString();
    if (name.endsWith(".md")) name = name.substring(0, name.length() - 3);
    return new FrontMatter(name, null, null, null, null, null, null, false, null, null);
  }

  /** Reads a file's text as a user-facing string, for tests and tools. */
  static String readText(Path file) throws IOException {
    return SourceText.decode(Files.readAllBytes(file)).text();
  }
}
