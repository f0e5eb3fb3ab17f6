package clinicreader.cli;

import clinicreader.check.CheckReport;
import clinicreader.check.ContentCheck;
import clinicreader.content.ContentException;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinic-reader check [PATH...]}: the publishing check, reported like a compiler. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Check articles and clinic.json before publishing: front matter, links and #anchors, related "
            + "articles and calls-to-action, headings and sections, images, summaries, encoding.",
        "Prints one finding per line (file:line:col: severity: message [rule]) and a summary. "
            + "Drafts are checked too."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no errors (warnings allowed unless --strict)", "1:errors found", "2:usage error"})
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Article files or folders to check (default: the articles directory and its clinic.json).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--json", description = "Print the findings and counts as JSON.")
  boolean json;

  @Option(names = "--strict", description = "Count warnings as errors (unknown keys, missing references, ...).")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        err.println("clinic-reader: " + Text.cleanLine(p.toString()) + ": no such file or directory");
        return Main.USAGE;
      }
    }
    Path dir = library.directory();
    if (paths.isEmpty() && !Files.isDirectory(dir)) {
      err.println("clinic-reader: " + Text.cleanLine(Problem.display(dir))
          + ": no articles directory here; point at one with --dir DIR or CLINIC_READER_DIR=DIR");
      return Main.USAGE;
    }
    CheckReport report;
    try {
      report = ContentCheck.run(dir, paths, new ContentCheck.Options(strict, library.maxBytes));
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.USAGE;
    }
    if (json) {
      out.println(report.toJson());
    } else {
      for (Problem p : report.problems()) out.println(p.full());
      out.println(report.summary());
    }
    out.flush();
    return report.hasErrors() ? Main.CONTENT_PROBLEM : Main.OK;
  }
}
