package clinicreader.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.util.List;
import picocli.CommandLine;

/** Entry point: {@code clinic-reader [COMMAND] ...}. */
public final class Main {
  private Main() {}

  /** Exit codes. */
  public static final int OK = 0;
  public static final int CONTENT_PROBLEM = 1;
  public static final int USAGE = 2;

  public static void main(String[] args) throws InterruptedException {
    System.exit(launch(args));
  }

  /** What {@link #main} does, up to the exit code (the short commands' warm-up runs this too). */
  static int launch(String[] args) throws InterruptedException {
    // (and in the warm-up, so that the class-data-sharing archive holds the primer's classes)
    if (args.length > 0 && ("render".equals(args[0]) || "warmup".equals(args[0]))) primeMarkdown();
    int[] code = {0};
    // a large stack: deeply nested Markdown is laid out recursively
    Thread t = new Thread(null, () -> {
      PrintWriter out = new StdOut(new FileOutputStream(FileDescriptor.out));
      PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
      code[0] = run(args, out, err);
      out.flush();
      err.flush();
    }, "clinic-reader", 512L * 1024 * 1024);
    t.start();
    t.join();
    return code[0];
  }

  /** A small document with the constructs whose first parse is slowest (headings, emphasis, lists, tables). */
  private static final String PRIMER = "# A b\n\nText *c* **d** ~~e~~ `f` [g](h.md) https://www.example.org\n\n"
      + "## I j\n\n- k\n  1. l\n\n> m\n\n| n | o |\n|---|---|\n| p | q |\n\n```\nr\n```\n";

  /**
   * Parses {@link #PRIMER} on a second thread while the command reads its options, files and
   * clinic profile: the first parse initialises the parser's classes and links the library's
   * string concatenations (method handles), work that otherwise waits in line before the
   * article's own parse. Only a head start: the command does not wait for it or use its result.
   */
  private static void primeMarkdown() {
    Thread t = new Thread(() -> {
      try {
        clinicreader.content.Outline.of(clinicreader.content.Markdown.parse(PRIMER), 0);
      } catch (RuntimeException e) {
        // nothing to report: the command parses for itself
      }
    }, "clinic-reader-primer");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The subcommands, in the order the help lists them. Building picocli's model of a command
   * costs start-up time, so a run that names its subcommand first builds only that one.
   */
  static final List<String> SUBCOMMANDS =
      List.of("read", "render", "list", "search", "contact", "check", "new", "preview", "warmup");

  /** A new instance of the subcommand {@code name}, or null (a switch: no class is touched before it is needed). */
  static Object subcommand(String name) {
    return switch (name) {
      case "read" -> new ReadCommand();
      case "render" -> new RenderCommand();
      case "list" -> new ListCommand();
      case "search" -> new SearchCommand();
      case "contact" -> new ContactCommand();
      case "check" -> new CheckCommand();
      case "new" -> new NewCommand();
      case "preview" -> new PreviewCommand();
      case "warmup" -> new WarmupCommand();
      default -> null;
    };
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // the common short commands in their plain forms skip building picocli's model
    Integer quick = QuickParser.run(args, out, err);
    return quick != null ? quick : runPicocli(args, out, err);
  }

  /** Runs the command line through picocli (also used by tests, to compare with the quick path). */
  static int runPicocli(String[] args, PrintWriter out, PrintWriter err) {
    Object only = args.length > 0 && args[0] != null ? subcommand(args[0]) : null;
    CommandLine cl = only == null ? commandLine() : configure(rootOnly().addSubcommand(args[0], only));
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /**
   * The configured command line (also used by tests). Not public: the Java launcher resolves the
   * types in the public methods' signatures of the main class, and this one would load
   * picocli's largest class on every run, also when picocli is not used.
   */
  static CommandLine commandLine() {
    CommandLine cl = rootOnly();
    for (String name : SUBCOMMANDS) cl.addSubcommand(name, subcommand(name));
    return configure(cl);
  }

  private static CommandLine rootOnly() {
    return new CommandLine(new RootCommand());
  }

  /** Reports an exception a command did not expect (a bug) and returns the exit code. */
  static int unexpected(Exception ex, PrintWriter err) {
    err.println("clinic-reader: unexpected error: " + clinicreader.content.Text.cleanLine(String.valueOf(ex))
        + " (please report it)");
    return CONTENT_PROBLEM;
  }

  /** Error handling and parsing rules, applied after the subcommands are added (they inherit them). */
  private static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> unexpected(ex, commandLine.getErr()));
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      // the message quotes what was typed, which may hold escape sequences pasted from an article
      c.getErr().println("clinic-reader: " + clinicreader.content.Text.cleanLine(ex.getMessage()));
      c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
