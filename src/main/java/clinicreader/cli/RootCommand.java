package clinicreader.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clinic-reader}: with no command, opens the reader on the library. */
@Command(name = "clinic-reader",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {RenderCommand.class, ListCommand.class, SearchCommand.class, ContactCommand.class,
        CheckCommand.class, NewCommand.class, WarmupCommand.class},
    description = {
        "Read a clinic's articles in the terminal; preview and check drafts before publishing.",
        "",
        "With no command, opens the reader on the articles directory."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:content problems (bad article, nothing found, check errors)", "2:usage error"})
public final class RootCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Override
  public Integer call() {
    return ListCommand.listPlain(library, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
