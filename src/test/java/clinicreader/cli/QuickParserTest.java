package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Library;
import clinicreader.testing.Props;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli-free path for plain command lines: its option table is picocli's model, it sets
 * the same fields as picocli for every line it takes, and everything else still goes through
 * picocli with picocli's messages and exit codes.
 */
class QuickParserTest {
  static final List<String> COMMANDS = List.of("render", "list", "search", "contact");
  /** The subcommands and the reader, whose command name is "". */
  static final List<String> ALL = List.of("", "render", "list", "search", "contact");

  private static CommandSpec spec(String command) {
    CommandLine root = Main.commandLine();
    return command.isEmpty() ? root.getCommandSpec() : root.getSubcommands().get(command).getCommandSpec();
  }

  @TempDir Path tmp;

  // ---- the option table is picocli's model ----------------------------------------------------

  @Test
  void everyQuickOptionIsPicocliOptionWithTheSameNamesArityAndType() {
    for (String command : ALL) {
      CommandSpec spec = spec(command);
      List<QuickParser.Option> quick = QuickParser.OPTIONS.stream().filter(o -> o.command().equals(command)).toList();
      Set<Set<String>> picocliNames = new HashSet<>();
      for (OptionSpec o : spec.options()) {
        if (o.usageHelp() || o.versionHelp()) continue;
        picocliNames.add(Set.of(o.names()));
      }
      Set<Set<String>> quickNames = new HashSet<>();
      for (QuickParser.Option q : quick) quickNames.add(Set.copyOf(q.names()));
      assertThat(quickNames).as(command).isEqualTo(picocliNames);
      for (QuickParser.Option q : quick) {
        OptionSpec o = spec.findOption(q.names().get(0));
        assertThat(o).as(command + " " + q.names()).isNotNull();
        assertThat(List.of(o.names())).as(command + " " + q.names()).containsExactlyInAnyOrderElementsOf(q.names());
        int arity = q.kind() == QuickParser.Kind.FLAG ? 0 : 1;
        assertThat(o.arity().min()).as(command + " " + q.names()).isEqualTo(arity);
        assertThat(o.arity().max()).as(command + " " + q.names()).isEqualTo(arity);
        assertThat(o.type()).as(command + " " + q.names()).isIn(types(q.kind()));
        assertThat(o.splitRegex()).isEmpty();
      }
      // the options the quick path leaves to picocli are help and version only
      assertThat(spec.options().stream().filter(o -> o.usageHelp() || o.versionHelp()).count()).isEqualTo(2);
    }
  }

  private static List<Class<?>> types(QuickParser.Kind kind) {
    return switch (kind) {
      case FLAG -> List.of(boolean.class);
      case INT -> List.of(int.class, Integer.class);
      case LONG -> List.of(long.class);
      case PATH -> List.of(Path.class);
      case TEXT -> List.of(String.class);
      case COLOR -> List.of(ColorOptions.When.class);
      case SORT -> List.of(Library.Sort.class);
    };
  }

  @Test
  void positionalsAreTheOnesPicocliDeclares() {
    Map<String, String> arity = new LinkedHashMap<>();
    for (String command : ALL) {
      List<PositionalParamSpec> ps = spec(command).positionalParameters();
      arity.put(command, ps.stream().map(p -> p.arity() + " " + p.type().getSimpleName()).toList().toString());
    }
    // what setPositionals accepts: render exactly one, search one or more, the reader, list and contact none
    assertThat(arity).containsExactly(Map.entry("", "[]"), Map.entry("render", "[1 String]"), Map.entry("list", "[]"),
        Map.entry("search", "[1..* List]"), Map.entry("contact", "[]"));
  }

  // ---- the same fields as picocli --------------------------------------------------------------

  static final String[] VALUES = {
      "80", "20", "0", "080", "007", "+5", "-5", "", " 80", "99999999999", "2147483647", "2147483648", "\u0663",
      "never", "NEVER", "nEvEr", "always", "auto", "bogus", "date", "TITLE", "Title", "light", "dark", "mono",
      "articles", "some dir", "x\u0000y", "a=b", "@file", "--", "-", "-w", "--json", "--help", "-h", "-V",
      "word", "insur", "how-ketamine-works", "ÿ", "x y"};

  static final String[] NOISE = {"--nope", "-x", "-w80", "-d=articles", "--width=", "--json=true", "--drafts=false",
      "--", "-", "@args", "-h", "--help", "-V", "--version", "--WIDTH", "--colour", "-dw", "--max", "--limit=-1"};

  static String[] generate(Random r) {
    String command = r.nextInt(20) == 0 ? "check" : ALL.get(r.nextInt(ALL.size()));
    List<QuickParser.Option> options = QuickParser.OPTIONS.stream().filter(o -> o.command().equals(command)).toList();
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) args.add(command);
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      int pick = r.nextInt(10);
      if (pick < 6 && !options.isEmpty()) {
        QuickParser.Option o = options.get(r.nextInt(options.size()));
        String name = o.names().get(r.nextInt(o.names().size()));
        if (o.kind() == QuickParser.Kind.FLAG) {
          args.add(name);
        } else {
          String value = value(r, o.kind());
          if (name.startsWith("--") && r.nextBoolean()) {
            args.add(name + "=" + value);
          } else {
            args.add(name);
            if (r.nextInt(15) != 0) args.add(value);
          }
        }
      } else if (pick < 9) {
        args.add(r.nextBoolean() ? VALUES[r.nextInt(VALUES.length)] : "w" + r.nextInt(3));
      } else {
        args.add(NOISE[r.nextInt(NOISE.length)]);
      }
    }
    if (r.nextInt(4) != 0 && !command.isEmpty() && !command.equals("list") && !command.equals("contact")) {
      args.add("positional");
    }
    return args.toArray(String[]::new);
  }

  private static String value(Random r, QuickParser.Kind kind) {
    if (r.nextInt(3) == 0) return VALUES[r.nextInt(VALUES.length)];
    return switch (kind) {
      case INT -> String.valueOf(r.nextInt(300));
      case LONG -> String.valueOf(r.nextInt(1 << 24));
      case PATH -> r.nextBoolean() ? "articles" : "dir/sub";
      case TEXT -> r.nextBoolean() ? "light" : "tag" + r.nextInt(3);
      case COLOR -> List.of("never", "ALWAYS", "Auto").get(r.nextInt(3));
      case SORT -> List.of("date", "TITLE").get(r.nextInt(2));
      case FLAG -> "";
    };
  }

  @Test
  void everyLineTheQuickPathTakesPicocliParsesToTheSameFields() {
    int[] taken = {0};
    int tries = Integer.getInteger("props.tries", 500);
    Props.check("quick parse equals picocli", tries, QuickParserTest::generate, args -> {
      Object quick = QuickParser.parse(args);
      Object picocli;
      try {
        CommandLine.ParseResult pr = Main.commandLine().parseArgs(args);
        CommandLine.ParseResult sub = pr.subcommand();
        boolean help = pr.isUsageHelpRequested() || pr.isVersionHelpRequested()
            || (sub != null && (sub.isUsageHelpRequested() || sub.isVersionHelpRequested()));
        // the reader runs when no subcommand was given
        picocli = help ? null : (sub == null ? pr : sub).commandSpec().userObject();
      } catch (CommandLine.ParameterException e) {
        picocli = null;
      }
      if (quick == null) return;
      taken[0]++;
      assertThat(picocli).as("picocli takes what the quick path takes").isNotNull();
      assertThat(fields(quick)).isEqualTo(fields(picocli));
    });
    // the generator reaches both sides
    assertThat(taken[0]).isBetween(tries / 10, tries * 9 / 10);
  }

  @Test
  void plainLinesAreTaken() {
    assertThat(fields(QuickParser.parse(new String[] {"render", "--dir", "lib", "--color", "never", "-w", "80", "a-1"})))
        .containsEntry("article", "a-1").containsEntry("width", 80).containsEntry("library.dir", Path.of("lib"))
        .containsEntry("colors.color", ColorOptions.When.NEVER).containsEntry("library.maxBytes",
            clinicreader.content.ArticleFiles.DEFAULT_MAX_BYTES);
    assertThat(fields(QuickParser.parse(new String[] {"list", "--json", "--sort=Title", "--drafts"})))
        .containsEntry("json", true).containsEntry("sort", Library.Sort.TITLE).containsEntry("library.drafts", true);
    assertThat(fields(QuickParser.parse(new String[] {"search", "insur", "--limit", "0", "cost"})))
        .containsEntry("words", List.of("insur", "cost")).containsEntry("limit", 0);
    assertThat(QuickParser.parse(new String[] {"contact", "-d", "x"})).isInstanceOf(ContactCommand.class);
    assertThat(fields(QuickParser.parse(new String[] {"--dir", "lib", "--mouse", "--max-width=90", "--theme", "light"})))
        .containsEntry("library.dir", Path.of("lib")).containsEntry("reader.mouse", true)
        .containsEntry("reader.maxWidth", 90).containsEntry("colors.theme", "light");
    assertThat(QuickParser.parse(new String[] {"-d", "x", "--drafts", "--color", "never"})).isInstanceOf(RootCommand.class);
  }

  @Test
  void anythingUnusualIsLeftToPicocli() {
    for (String[] args : new String[][] {
        {"render"}, {"render", "a", "b"}, {"render", "a", "-w", "80", "-w", "90"}, {"render", "a", "-w80"},
        {"render", "a", "--width", "-5"}, {"render", "a", "--width", "+5"}, {"render", "a", "--help"},
        {"render", "-h"}, {"render", "a", "-V"}, {"render", "@args"}, {"render", "--", "a"}, {"render", "a", "--nope"},
        {"render", "a", "--color", "sometimes"}, {"render", "a", "--width"}, {"render", "a", "--dir", "x\u0000y"},
        {"list", "x"}, {"list", "--json=true"}, {"list", "--sort", "name"}, {"search"}, {"search", "--limit", "-1", "a"},
        {"check"}, {"read", "a"}, {"--dir", "x", "render", "a"}, {"--dir", "x", "list"}, {"--dir"}, {"--help"},
        {"--version"}, {"-V"}, {"-h"}, {"--mouse", "--mouse"}, {"--width", "80"}, {"--", "--mouse"}, {"-d=x"},
        {"render", "a", "--theme", ""}}) {
      assertThat(QuickParser.parse(args)).as(List.of(args).toString()).isNull();
    }
  }

  @Test
  void noArgumentsIsTheReaderWithPicocliDefaults() {
    Object quick = QuickParser.parse(new String[0]);
    assertThat(quick).isInstanceOf(RootCommand.class);
    Object picocli = Main.commandLine().parseArgs().commandSpec().userObject();
    assertThat(fields(quick)).isEqualTo(fields(picocli)).containsKeys("library.maxBytes", "colors.color", "reader.mouse");
    // and runs as picocli runs it: here, with no terminal, the plain list
    CliTest.Result viaQuick = CliTest.run();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = Main.runPicocli(new String[0], new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    assertThat(viaQuick.code()).isEqualTo(code).isZero();
    assertThat(viaQuick.out()).isEqualTo(out.toString()).contains("articles. Read one: clinic-reader render SLUG");
    assertThat(viaQuick.err()).isEqualTo(err.toString());
  }

  /** The fields a command's options and parameters set (mixins flattened), by name. */
  static Map<String, Object> fields(Object command) {
    Map<String, Object> out = new LinkedHashMap<>();
    collect(command, "", out);
    return out;
  }

  private static void collect(Object o, String prefix, Map<String, Object> out) {
    for (Field f : o.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("spec")) continue;
      f.setAccessible(true);
      Object v;
      try {
        v = f.get(o);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      if (v instanceof LibraryOptions || v instanceof ColorOptions || v instanceof ReaderOptions) {
        collect(v, prefix + f.getName() + ".", out);
      } else {
        out.put(prefix + f.getName(), v);
      }
    }
  }

  // ---- the same output and exit code ----------------------------------------------------------

  static String bundled() {
    return CliTest.BUNDLED.toString();
  }

  @Test
  void quickAndPicocliRunsPrintTheSameAndExitTheSame() throws Exception {
    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("bad.md"), "---\ntitle: [unclosed\n---\nBody.\n");
    Files.writeString(broken.resolve("clinic.json"), "{\"name\": 5");
    String[][] lines = {
        {"render", "how-ketamine-works", "--dir", bundled(), "-w", "60", "--color", "never"},
        {"render", "--color=always", "--width=100", "-d", bundled(), "costs/insurance-coverage"},
        {"render", "ketamine-chronic-pain", "--dir", bundled(), "--theme", "light", "--color", "ALWAYS", "-w", "80"},
        {"render", "how-ketamine-works", "--dir", bundled(), "--theme", "neon"},
        {"render", "how-ketamine-works", "--dir", bundled(), "--width", "19"},
        {"render", "how-ketamine-works", "--dir", bundled(), "--max-width", "5"},
        {"render", "no-such-article", "--dir", bundled()},
        {"render", "drafts/aftercare-and-follow-up", "--dir", bundled(), "--drafts", "-w", "70", "--color", "never"},
        {"render", "how-ketamine-works", "--dir", bundled(), "--max-bytes", "100", "--color", "never"},
        {"render", "bad", "--dir", broken.toString(), "--color", "never"},
        {"list", "--dir", bundled()},
        {"list", "--json", "--dir", bundled(), "--drafts"},
        {"list", "--sort", "title", "--tag", "ketamine", "-d", bundled()},
        {"list", "--dir", broken.toString()},
        {"list", "--dir", tmp.resolve("missing").toString()},
        {"search", "ketamine", "depression", "--dir", bundled(), "--color", "never"},
        {"search", "insur", "--json", "--dir", bundled(), "--limit", "1"},
        {"search", "zzzzqqq", "--dir", bundled()},
        {"search", "!!!", "--dir", bundled()},
        {"search", "cost", "--dir", bundled(), "--theme", "nope"},
        {"contact", "--dir", bundled()},
        {"contact", "--dir", broken.toString()},
        // the reader, which prints the plain list when the output is not a terminal
        {"--dir", bundled(), "--mouse", "--max-width", "90"},
        {"-d", broken.toString(), "--color", "never", "--drafts"},
        {"--dir", bundled(), "--theme", "neon"},
    };
    for (String[] args : lines) {
      assertThat(QuickParser.parse(args)).as(List.of(args).toString()).isNotNull();
      CliRun quick = CliRun.of(args);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.runPicocli(args, new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(quick.out()).as(List.of(args).toString()).isEqualTo(out.toString());
      assertThat(quick.err()).as(List.of(args).toString()).isEqualTo(err.toString());
      assertThat(quick.code()).as(List.of(args).toString()).isEqualTo(code);
    }
  }

  @Test
  void usageErrorsStillComeFromPicocli() {
    CliRun missing = CliRun.of("render", "--dir", bundled());
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("Missing required parameter: 'ARTICLE'").contains("Try 'clinic-reader render --help'.");
    CliRun twice = CliRun.of("render", "a", "-w", "80", "-w", "90");
    assertThat(twice.code()).isEqualTo(Main.USAGE);
    assertThat(twice.err()).contains("should be specified only once");
    CliRun bad = CliRun.of("render", "a", "--width", "wide");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("Invalid value for option '--width'");
    CliRun color = CliRun.of("search", "a", "--color", "sometimes");
    assertThat(color.code()).isEqualTo(Main.USAGE);
    assertThat(color.err()).contains("expected one of [AUTO, ALWAYS, NEVER]");
    CliRun unknown = CliRun.of("list", "--nope");
    assertThat(unknown.code()).isEqualTo(Main.USAGE);
    assertThat(unknown.err()).contains("Unknown option: '--nope'");
    CliRun help = CliRun.of("render", "x", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: clinic-reader render").contains("--width=N");
    CliRun negative = CliRun.of("search", "a", "--limit", "-1", "--dir", bundled());
    assertThat(negative.code()).isEqualTo(Main.USAGE);
    assertThat(negative.err()).contains("--limit must be 0 or more");
  }

  @Test
  void anExceptionInTheQuickPathIsReportedAsPicocliReportsIt() {
    StringWriter err = new StringWriter();
    int code = Main.unexpected(new IllegalStateException("boom\u001b[2J"), new PrintWriter(err, true));
    assertThat(code).isEqualTo(Main.CONTENT_PROBLEM);
    assertThat(err.toString()).startsWith("clinic-reader: unexpected error: java.lang.IllegalStateException: boom")
        .contains("(please report it)").doesNotContain("\u001b");
  }
}
