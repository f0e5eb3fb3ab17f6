package clinicreader.cli;

import clinicreader.check.ContentCheck;
import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.Library;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import clinicreader.layout.LineWriter;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import clinicreader.tui.ArticleSource;
import clinicreader.tui.Geometry;
import clinicreader.tui.Intent;
import clinicreader.tui.PreviewRun;
import clinicreader.tui.PreviewSource;
import clinicreader.tui.PreviewState;
import clinicreader.tui.ReaderState;
import clinicreader.tui.TerminalReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clinic-reader preview FILE}: the article screen on any Markdown file (in the library
 * or not, drafts too), read again on every save, keeping the place, with the content check's
 * findings in the status line. When stdout is not a terminal, prints the article and the
 * findings once.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Preview a Markdown file as readers will see it, reloading it on every save.",
        "The status line counts the content check's findings ('!' lists them); 'e' opens "
            + "$VISUAL or $EDITOR at the current section; a save with broken front matter keeps "
            + "the last good version on screen under a red line until it is fixed. 'q' quits.",
        "When the output is not a terminal, print the article and the findings once."})
public final class PreviewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;
  @Mixin ColorOptions colors;
  @Mixin ReaderOptions reader;

  @Option(names = "--watch", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Reload the file when it is saved (default: on).")
  boolean watch = true;

  @Parameters(paramLabel = "FILE", description = "The Markdown file to preview.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Theme theme = colors.resolveTheme();
    if (theme == null) {
      err.println("clinic-reader: unknown theme '" + Text.cleanLine(colors.theme) + "'; use one of "
          + String.join(", ", Theme.NAMES));
      return Main.USAGE;
    }
    if (!Files.isRegularFile(file)) {
      err.println("clinic-reader: no such file '" + Text.cleanLine(file.toString()) + "'");
      return Main.USAGE;
    }
    try {
      Workspace ws = Workspace.open(library, err, file.toString());
      Path abs = file.toAbsolutePath().normalize();
      Library lib = ws.library;
      Clinic clinic = ws.clinic;
      String slug;
      if (ArticleFiles.isInside(lib.root(), abs)) {
        slug = ws.find(abs.toString()).map(Workspace.Target::slug).orElse(Library.slugOf(lib.root(), abs));
      } else {
        // a file outside the library: its links are checked against its own folder, its
        // calls-to-action against the clinic.json beside it, else the library's
        lib = Library.empty(abs.getParent(), library.maxBytes);
        if (Files.isRegularFile(abs.getParent().resolve(ClinicLoader.FILE_NAME))) clinic = Workspace.clinic(abs.getParent(), err);
        slug = Workspace.stripMd(abs.getFileName().toString());
      }
      PreviewSource source = source(lib, clinic, abs, slug);
      Intent first = source.reload(slug);
      if (first instanceof Intent.ReloadFailed f) {
        err.println(f.message());
        return Main.CONTENT_PROBLEM;
      }
      Intent.Reloaded loaded = (Intent.Reloaded) first;
      if (!Console.interactive()) return printOnce(loaded, theme, out, err);
      if (colors.color == ColorOptions.When.NEVER) theme = Theme.mono();
      ArticleSource others = Reader.source(ws, true);
      ArticleSource articles = s -> s.equals(slug) ? opened(source.reload(s)) : others.open(s);
      ReaderState initial = ReaderState.library(clinic, lib.visible(true), 80, 24).with(PreviewState.started());
      TerminalReader.Options o = new TerminalReader.Options(initial, loaded, articles, theme,
          Geometry.DEFAULT_MAX_WIDTH, reader.mouse);
      return TerminalReader.run(o, new PreviewRun(abs, watch, source), err);
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
  }

  /** Reads {@code file} with the content check, for every reload. Never throws for a bad file. */
  static PreviewSource source(Library lib, Clinic clinic, Path file, String slug) {
    return s -> {
      LocalTime now = LocalTime.now();
      try {
        Article.Loaded loaded = Article.load(file, slug, lib.maxBytes());
        Article a = loaded.article();
        List<Problem> findings = ContentCheck.article(loaded, lib, clinic, false);
        List<String> problems = loaded.problems().stream().map(Problem::brief).toList();
        return new Intent.Reloaded(slug, new PageLayout.Input(a, clinic, lib.related(a.meta(), 3, true)),
            problems, findings, now);
      } catch (ContentException e) {
        return new Intent.ReloadFailed(slug, e.problem().brief(), now);
      } catch (RuntimeException e) {
        return new Intent.ReloadFailed(slug, Problem.display(file) + ": cannot show: "
            + Text.cleanLine(String.valueOf(e.getMessage())), now);
      }
    };
  }

  private static Intent opened(Intent reloaded) {
    if (reloaded instanceof Intent.Reloaded r) return new Intent.Opened(r.slug(), r.input(), r.problems());
    Intent.ReloadFailed f = (Intent.ReloadFailed) reloaded;
    return new Intent.OpenFailed(f.slug(), f.message());
  }

  private int printOnce(Intent.Reloaded r, Theme theme, PrintWriter out, PrintWriter err) {
    Page page = PageLayout.layout(r.input(), Console.width(), theme);
    out.print(LineWriter.write(page.lines(), colors.format(), theme));
    out.flush();
    r.findings().forEach(p -> err.println(p.full()));
    return r.findings().stream().anyMatch(Problem::isError) ? Main.CONTENT_PROBLEM : Main.OK;
  }
}
