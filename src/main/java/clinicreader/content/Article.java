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

  /** Bodies at least this long (chars) have their words counted on another thread. */
  private static final int PARALLEL_WORDS = 1 << 18;

  private static int join(java.util.concurrent.FutureTask<Integer> task) {
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
