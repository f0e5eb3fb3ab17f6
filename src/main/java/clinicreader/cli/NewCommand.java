package clinicreader.cli;

import clinicreader.check.DraftTemplate;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinic-reader new "Title"}: starts a draft article; never overwrites a file. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Write a new draft article (draft: true) named after its title, with complete front matter "
            + "and a skeleton of sections, and print its path. Never overwrites an existing file.",
        "Fill in the TODOs, run 'clinic-reader check FILE', then remove 'draft: true' to publish."})
public final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Parameters(paramLabel = "TITLE", description = "The article's title, in quotes.")
  String title;

  @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "A tag (repeat for several).")
  List<String> tags = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String t = Text.cleanLine(title).strip();
    if (t.isEmpty()) {
      err.println("clinic-reader: the title is empty; write it in quotes: clinic-reader new \"Your title\"");
      return Main.USAGE;
    }
    Path dir = library.directory();
    if (!Files.isDirectory(dir)) {
      err.println("clinic-reader: " + Text.cleanLine(Problem.display(dir))
          + ": no articles directory here; point at one with --dir DIR or CLINIC_READER_DIR=DIR");
      return Main.USAGE;
    }
    LocalDate today = LocalDate.now();
    String slug = DraftTemplate.slug(t);
    if (slug.isEmpty()) slug = "article-" + today;
    List<String> cleanTags = tags.stream().map(x -> Text.cleanLine(x).strip()).filter(x -> !x.isEmpty()).toList();
    String text = DraftTemplate.text(t, cleanTags, today, firstCta(dir));
    Path file = dir.resolve(slug + ".md");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      err.println("clinic-reader: " + Text.cleanLine(Problem.display(file))
          + " already exists; not overwritten (choose another title, or edit that file)");
      return Main.CONTENT_PROBLEM;
    } catch (IOException e) {
      err.println("clinic-reader: " + Text.cleanLine(Problem.display(file)) + ": cannot write: "
          + Text.cleanLine(String.valueOf(e.getMessage())));
      return Main.CONTENT_PROBLEM;
    }
    out.println(Problem.display(file));
    out.flush();
    err.println("Draft created. Fill in the TODOs, then: clinic-reader check " + Problem.display(file));
    return Main.OK;
  }

  /** The clinic's first call-to-action id, if its profile has one. */
  private static String firstCta(Path dir) {
    try {
      List<Clinic.Cta> ctas = ClinicLoader.load(dir).clinic().ctas();
      return ctas.isEmpty() ? null : ctas.get(0).id();
    } catch (ContentException e) {
      return null;
    }
  }
}
