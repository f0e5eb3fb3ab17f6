package clinicreader.cli;

import clinicreader.content.ContentException;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import clinicreader.layout.LineWriter;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import clinicreader.tui.Intent;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clinic-reader read ARTICLE}: opens the reader on one article. When stdout is not a
 * terminal (or TERM=dumb), prints the article as text instead.
 */
@Command(name = "read", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Open an article in the terminal reader.",
        "When the output is not a terminal, print it as text (like 'render')."})
public final class ReadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;
  @Mixin ColorOptions colors;
  @Mixin ReaderOptions reader;

  @Parameters(paramLabel = "ARTICLE", description = "A slug (as shown by 'list') or a Markdown file path.")
  String article;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // command line, then config.json, then defaults; NO_COLOR last
    Preferences prefs = Preferences.resolve(colors, reader.maxWidth, System.getenv(), err);
    if (prefs == null) return Main.USAGE;
    Theme theme = prefs.theme;
    try {
      Workspace ws = Workspace.open(library, err, article);
      var target = ws.find(article);
      if (target.isEmpty()) {
        err.println("clinic-reader: no article '" + Text.cleanLine(article) + "' in "
            + Problem.display(ws.library.root()) + "; see 'clinic-reader list' for slugs");
        return Main.USAGE;
      }
      Intent opened = Reader.source(ws, library.drafts).open(article);
      if (opened instanceof Intent.OpenFailed f) {
        err.println(f.message());
        return Main.CONTENT_PROBLEM;
      }
      Intent.Opened o = (Intent.Opened) opened;
      if (!Console.interactive()) {
        Page page = PageLayout.layout(o.input(), prefs.printWidth(null), theme);
        out.print(LineWriter.write(page.lines(), colors.format(), theme));
        out.flush();
        o.problems().forEach(err::println);
        return o.problems().isEmpty() ? Main.OK : Main.CONTENT_PROBLEM;
      }
      int code = Reader.run(ws, library, reader, prefs, o, err);
      return code != Main.OK ? code : o.problems().isEmpty() ? Main.OK : Main.CONTENT_PROBLEM;
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
  }
}
