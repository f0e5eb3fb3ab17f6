package clinicreader.cli;

import clinicreader.content.ContentException;
import clinicreader.tui.TerminalReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clinic-reader}: with no command, opens the reader on the library. Its subcommands are
 * listed in {@link Main#SUBCOMMANDS}, so that one run builds the model of only the one it runs.
 */
@Command(name = "clinic-reader",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Read a clinic's articles in the terminal; preview and check drafts before publishing.",
        "",
        "With no command, opens the reader on the articles directory (when the output is not a "
            + "terminal, or TERM=dumb, prints the list instead)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:content problems (bad article, nothing found, check errors)", "2:usage error"})
public final class RootCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;
  @Mixin ColorOptions colors;
  @Mixin ReaderOptions reader;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the reader with the fields set (by picocli, or by {@link QuickParser} when there are no arguments). */
  Integer run(PrintWriter out, PrintWriter err) {
    if (!Console.interactive()) return ListCommand.listPlain(library, out, err);
    // command line, then config.json, then defaults; NO_COLOR last
    Preferences prefs = Preferences.resolve(colors, reader.maxWidth, System.getenv(), err);
    if (prefs == null) return Main.USAGE;
    // the terminal is set up while the library loads; given back untouched if the reader does not start
    TerminalReader.prepare();
    try {
      Workspace ws = Workspace.open(library, err);
      return Reader.run(ws, library, reader, prefs, null, err);
    } catch (ContentException e) {
      TerminalReader.discardPrepared();
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    } finally {
      TerminalReader.discardPrepared();
    }
  }
}
