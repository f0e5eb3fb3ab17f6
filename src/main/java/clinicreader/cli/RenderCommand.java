package clinicreader.cli;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.ContentException;
import clinicreader.content.Problem;
import clinicreader.layout.LineWriter;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinic-reader render ARTICLE}: the article page as text, exactly as the reader shows it. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Print an article page (header, numbered contents, body, call-to-action, references, "
        + "related articles, disclaimer) as text.")
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;
  @Mixin ColorOptions colors;

  @Parameters(paramLabel = "ARTICLE", description = "A slug (as shown by 'list') or a Markdown file path.")
  String article;

  @Option(names = {"-w", "--width"}, paramLabel = "N",
      description = "Line width (default: the terminal's, else 80; at least 20).")
  Integer width;

  @Option(names = "--max-width", paramLabel = "N",
      description = "Widest line when the width comes from the terminal (default: maxWidth in config.json, else 100).")
  Integer maxWidth;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the command with its fields set (by picocli, or by {@link QuickParser}). */
  Integer run(PrintWriter out, PrintWriter err) {
    // command line, then config.json, then defaults; NO_COLOR last
    Preferences prefs = Preferences.resolve(colors, maxWidth, System.getenv(), err);
    if (prefs == null) return Main.USAGE;
    Theme theme = prefs.theme;
    if (width != null && width < PageLayout.MIN_WIDTH) {
      err.println("clinic-reader: --width must be at least " + PageLayout.MIN_WIDTH);
      return Main.USAGE;
    }
    try {
      var found = Workspace.single(library, err, article);
      if (found.isEmpty()) {
        err.println("clinic-reader: no article '" + clinicreader.content.Text.cleanLine(article)
            + "' in " + Problem.display(library.directory()) + "; see 'clinic-reader list' for slugs");
        return Main.USAGE;
      }
      Workspace.Single ws = found.get();
      Article.Read read = ws.read();
      int w = prefs.printWidth(width);
      // each line is written as soon as it is laid out: a long article's page is never held whole
      // as lines (a body laid out in parts is held as text, until the parts confirm its contents)
      LineWriter.Sink sink = out instanceof StdOut std
          ? LineWriter.Sink.of(std.bytes(), colors.format(), theme)
          : LineWriter.Sink.of(out, colors.format(), theme);
      Article.Parted parted = read.parts();
      Related related = null;
      if (parted != null) {
        // a long body is laid out part by part, each part's tree dropped before the next; the
        // related articles are found meanwhile, on another thread
        related = new Related(ws, parted.meta(), library.drafts);
        LineWriter.Sink held = sink.held();
        boolean right;
        try {
          right = PageLayout.write(
              new PageLayout.Parts(parted.meta(), parted.body(), parted.bodyLine(), ws.clinic, related), w, theme, held);
        } catch (Related.Failed e) {
          parted.body().close();
          throw e.problem;
        }
        if (right) {
          held.finish();
          sink.append(held);
          sink.finish();
          return done(ws, parted.problems(), err);
        }
        parted.body().close();
      }
      Article.Loaded loaded = read.parse();
      Article a = loaded.article();
      List<ArticleMeta> others;
      try {
        // the related articles depend on the front matter only: those found for the parts hold
        others = related != null ? related.get() : ws.related(a.meta(), library.drafts);
      } catch (Related.Failed e) {
        throw e.problem;
      }
      PageLayout.write(new PageLayout.Input(a, ws.clinic, others), w, theme, sink);
      sink.finish();
      return done(ws, loaded.problems(), err);
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
  }

  /**
   * The related articles of a page, found on a thread of their own from the start; {@link #get}
   * waits for them. A class rather than a lambda: no class is spun for it at run time.
   */
  private static final class Related implements Callable<List<ArticleMeta>>, java.util.function.Supplier<List<ArticleMeta>> {
    private final Workspace.Single ws;
    private final ArticleMeta meta;
    private final boolean drafts;
    private final java.util.concurrent.FutureTask<List<ArticleMeta>> task;

    /** The related articles could not be found: the problem, carried out of the layout. */
    static final class Failed extends RuntimeException {
      final ContentException problem;

      Failed(ContentException problem) {
        super(null, null, false, false);
        this.problem = problem;
      }
    }

    Related(Workspace.Single ws, ArticleMeta meta, boolean drafts) {
      this.ws = ws;
      this.meta = meta;
      this.drafts = drafts;
      task = new java.util.concurrent.FutureTask<>(this);
      Thread t = new Thread(task, "related");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public List<ArticleMeta> call() throws ContentException {
      return ws.related(meta, drafts);
    }

    @Override
    public List<ArticleMeta> get() {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ContentException c) throw new Failed(c);
        if (cause instanceof RuntimeException r) throw r;
        if (cause instanceof Error x) throw x;
        throw new IllegalStateException(cause);
      }
    }
  }

  private static int done(Workspace.Single ws, List<Problem> problems, PrintWriter err) {
    // the library already warned about a file it left out: say it once
    for (Problem p : problems) if (!ws.warned(p)) err.println(p.brief());
    return problems.isEmpty() ? Main.OK : Main.CONTENT_PROBLEM;
  }
}
