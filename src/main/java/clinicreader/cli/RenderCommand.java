package clinicreader.cli;

import clinicreader.content.Article;
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
      if (parted != null) {
        // a long body is laid out part by part, each part's tree dropped before the next
        var related = ws.related(parted.meta(), library.drafts);
        LineWriter.Sink held = sink.held();
        boolean right = PageLayout.write(
            new PageLayout.Parts(parted.meta(), parted.body(), parted.bodyLine(), ws.clinic, related), w, theme, held);
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
      var related = ws.related(a.meta(), library.drafts);
      PageLayout.write(new PageLayout.Input(a, ws.clinic, related), w, theme, sink);
      sink.finish();
      return done(ws, loaded.problems(), err);
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
  }

  private static int done(Workspace.Single ws, List<Problem> problems, PrintWriter err) {
    // the library already warned about a file it left out: say it once
    for (Problem p : problems) if (!ws.warned(p)) err.println(p.brief());
    return problems.isEmpty() ? Main.OK : Main.CONTENT_PROBLEM;
  }
}
