package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import clinicreader.cli.HostileCorpus.Case;
import clinicreader.cli.HostileCorpus.Kind;
import clinicreader.cli.HostileCorpus.Message;
import clinicreader.content.Library;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import clinicreader.layout.Cells;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of the {@link HostileCorpus} through every command template and asserts, for
 * each run: the exit code, no uncaught exception and no "unexpected error", completion within
 * a hang guard, a one-line message naming the file (with line:col where it applies), no raw
 * control character in stdout or stderr (our own SGR colour sequences aside), no rendered line
 * wider than the width, and nothing from outside the articles directory in the output.
 *
 * <p>To cover a new command, add a {@link Template} to {@link #TEMPLATES}, for example
 * {@code new Template("search", Kind.SEARCH, null, false, r -> r.args("search", "--dir", r.dir(), "x"))}
 * or {@code new Template("check", Kind.CHECK, null, false, r -> r.args("check", "--dir", r.dir()))},
 * give its exit codes in {@link #expectedExit}, and add {@code Kind.SEARCH}/{@code Kind.CHECK} to the
 * cases' {@code expect(...)} calls where the command must name the file. The cases already list
 * {@code Kind.CHECK} where check must report them.
 */
class HostileCorpusTest {
  /** A hang guard, not a speed target: generous for a loaded build machine. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  /** Exactly the SGR sequences our ANSI writer emits: ESC [ digits and semicolons m. */
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  /** One command to run a case through. {@code width} is set for commands that lay out pages. */
  record Template(String name, Kind kind, Integer width, boolean ansi, Function<Run, List<String>> args) {}

  /** A case set up on disk, as a template sees it. */
  record Run(Case c, Path articles, Path subject) {
    String dir() {
      return articles.toString();
    }

    Path targetFile() {
      return c.target == null ? subject : articles.resolve(c.target);
    }

    String target() {
      Path t = targetFile();
      return c.renderBySlug ? Library.slugOf(articles.toAbsolutePath().normalize(), t) : t.toString();
    }

    List<String> args(String... a) {
      List<String> l = new ArrayList<>(List.of(a));
      l.addAll(c.extraArgs);
      return l;
    }
  }

  /** The widest line search may print: it fits its output to the terminal, between 40 and 120 columns. */
  static final int SEARCH_WIDTH = Math.max(40, Math.min(Console.width(), 120));

  /** A word no corpus file holds. */
  static final String NO_MATCH = "zqxjvnomatch";

  static final List<Template> TEMPLATES = List.of(
      render(20, false), render(80, false), render(20, true), render(80, true),
      new Template("list", Kind.LIST, null, false, r -> r.args("list", "--dir", r.dir(), "--drafts")),
      new Template("list --json", Kind.LIST, null, false, r -> r.args("list", "--dir", r.dir(), "--drafts", "--json")),
      new Template("contact", Kind.CONTACT, null, false, r -> r.args("contact", "--dir", r.dir())),
      new Template("search (matching)", Kind.SEARCH, SEARCH_WIDTH, false,
          r -> r.args("search", "--dir", r.dir(), "--drafts", "--limit", "0", HostileCorpus.query(r.c()))),
      new Template("search --json (matching)", Kind.SEARCH, null, false,
          r -> r.args("search", "--dir", r.dir(), "--drafts", "--json", HostileCorpus.query(r.c()))),
      new Template("search (no match)", Kind.SEARCH, SEARCH_WIDTH, false,
          r -> r.args("search", "--dir", r.dir(), "--drafts", NO_MATCH)),
      new Template("check", Kind.CHECK, null, false, r -> r.args("check", "--dir", r.dir())),
      new Template("check --json", Kind.CHECK, null, false, r -> r.args("check", "--dir", r.dir(), "--json")));

  private static Template render(int width, boolean ansi) {
    return new Template("render --color " + (ansi ? "always" : "never") + " -w " + width, Kind.RENDER, width, ansi,
        r -> {
          List<String> a = r.args("render", "--dir", r.dir(), "--drafts", "--color", ansi ? "always" : "never",
              "-w", Integer.toString(width));
          a.add(r.target());
          return a;
        });
  }

  static int expectedExit(Case c, Template t) {
    return switch (t.kind()) {
      case RENDER -> c.renderExit;
      case LIST, CONTACT -> 0;
      case SEARCH -> t.args().apply(new Run(c, Path.of("."), Path.of("."))).contains(NO_MATCH) ? 1
          : c.findable() ? 0 : -1;
      // a case with messages for check has errors; the others may still break publishing rules
      case CHECK -> c.messages(Kind.CHECK).isEmpty() ? -1 : 1;
    };
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    List<Case> cases = HostileCorpus.cases();
    List<DynamicNode> nodes = new ArrayList<>();
    int i = 0;
    for (Case c : cases) {
      Path articles = tmp.resolve(String.format("%02d-%s", i++, c.name)).resolve("articles");
      Run[] run = new Run[1];
      List<DynamicTest> tests = new ArrayList<>();
      for (Template t : TEMPLATES) {
        tests.add(DynamicTest.dynamicTest(t.name(), () -> {
          if (run[0] == null) run[0] = setUp(c, articles);
          check(run[0], t);
        }));
      }
      nodes.add(DynamicContainer.dynamicContainer(c.name, tests));
    }
    return nodes.stream();
  }

  static Run setUp(Case c, Path articles) throws IOException {
    Files.createDirectories(articles);
    if (!c.ownClinic) Files.writeString(articles.resolve("clinic.json"), HostileCorpus.CLINIC);
    Path subject = c.setup.write(articles);
    return new Run(c, articles, subject);
  }

  /** Runs one case through one template and checks everything a hostile file must not break. */
  static void check(Run r, Template t) throws Exception {
    List<String> args = t.args().apply(r);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = assertTimeoutPreemptively(HANG_GUARD, () -> {
      try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
        return Main.run(args.toArray(String[]::new), o, e);
      }
    }, () -> "hung: " + printable(String.join(" ", args)));
    String stdout = out.toString();
    String stderr = err.toString();
    String context = t.name() + " on " + r.c().name + "\nstderr:\n" + stderr;

    int want = expectedExit(r.c(), t);
    if (want >= 0) assertThat(exit).as("exit code of %s", context).isEqualTo(want);
    else assertThat(exit).as("exit code of %s", context).isBetween(0, 1);

    assertThat(stderr).as(context).doesNotContain("unexpected error").doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertNoControls(t.ansi() ? SGR.matcher(stdout).replaceAll("") : stdout, "stdout of " + context);
    assertNoControls(stderr, "stderr of " + context);
    assertThat(stdout + stderr).as(context).doesNotContain(HostileCorpus.SECRET);

    String file = Text.cleanLine(Problem.display(r.subject()));
    List<Message> expected = r.c().messages(t.kind());
    if (t.kind() == Kind.CHECK) {
      checkCheck(r, t, exit, stdout, stderr, file, expected, context);
      return;
    }
    for (Message m : expected) {
      String located = m.located() ? "\\d+:\\d+: " : "(\\d+(:\\d+)?: )?";
      Pattern p = Pattern.compile("(?m)^" + Pattern.quote(file) + ":" + located + ".*" + Pattern.quote(m.fragment()) + ".*$");
      assertThat(p.matcher(stderr).find()).as("a message '%s' naming %s in %s", m.fragment(), file, context).isTrue();
    }
    if (expected.isEmpty() && t.kind() != Kind.LIST && t.kind() != Kind.SEARCH) {
      assertThat(stderr).as("no message expected: " + context).isEmpty();
    }
    for (String line : stderr.split("\n", -1)) {
      if (line.isEmpty()) continue;
      assertThat(line.startsWith(file + ":") || line.startsWith("clinic-reader: ")
              || ((t.kind() == Kind.LIST || t.kind() == Kind.SEARCH) && expected.isEmpty()))
          .as("stderr line names the file or the tool: %s (%s)", line, context).isTrue();
    }

    if (t.width() != null) {
      String plain = SGR.matcher(stdout).replaceAll("");
      for (String line : plain.split("\n", -1)) {
        assertThat(Cells.width(line)).as("width of line '%s' in %s", printable(line), context)
            .isLessThanOrEqualTo(t.width());
      }
      if (exit != 2 && t.kind() == Kind.RENDER && t.width() == 80 && !t.ansi()) {
        for (String s : r.c().shown) assertThat(stdout).as(context).contains(s);
      }
    }

    if (t.kind() == Kind.LIST) checkList(r, t, stdout, context);
    if (t.kind() == Kind.SEARCH) checkSearch(r, t, exit, stdout, context);
  }

  /** Search: a findable case is found (by its slug), no match says so, JSON parses and its ranges fit. */
  private static void checkSearch(Run r, Template t, int exit, String stdout, String context) throws IOException {
    List<String> args = t.args().apply(r);
    boolean json = args.contains("--json");
    if (args.contains(NO_MATCH)) {
      if (json) assertThat(JSON.readTree(stdout).size()).as(context).isZero();
      else assertThat(stdout).as(context).startsWith("No articles match \"" + NO_MATCH + "\".");
      return;
    }
    if (exit != 0) return;
    String slug = Library.slugOf(r.articles().toAbsolutePath().normalize(), r.targetFile());
    if (json) {
      JsonNode tree = JSON.readTree(stdout);
      List<String> slugs = new ArrayList<>();
      for (JsonNode hit : tree) {
        slugs.add(hit.get("slug").asText());
        String snippet = hit.get("snippet").asText();
        for (JsonNode m : hit.get("matches")) {
          assertThat(m.get("start").asInt()).as(context).isBetween(0, m.get("end").asInt());
          assertThat(m.get("end").asInt()).as(context).isLessThanOrEqualTo(snippet.length());
        }
      }
      if (r.c().findable()) assertThat(slugs).as(context).contains(slug);
    } else if (r.c().findable()) {
      assertThat(stdout).as(context).contains("  " + Text.cleanLine(slug) + "\n");
    }
  }

  /**
   * Check: every message the case states is a finding on the file (text: {@code file:line:col:
   * severity: message [rule]}; JSON: a finding with that file), nothing on stderr, and the exit
   * code agrees with the error count in the summary.
   */
  private static void checkCheck(Run r, Template t, int exit, String stdout, String stderr, String file,
      List<Message> expected, String context) throws IOException {
    assertThat(stderr).as("check prints its findings on stdout: " + context).isEmpty();
    long errors;
    if (t.args().apply(r).contains("--json")) {
      JsonNode tree = JSON.readTree(stdout);
      errors = tree.get("errors").asLong();
      for (Message m : expected) {
        boolean found = false;
        for (JsonNode f : tree.get("findings")) {
          found |= f.get("file").asText().equals(file) && f.get("message").asText().contains(m.fragment())
              && (!m.located() || f.get("line").asInt() > 0) && !f.get("rule").isNull();
        }
        assertThat(found).as("a finding '%s' on %s in %s:\n%s", m.fragment(), file, context, stdout).isTrue();
      }
    } else {
      java.util.regex.Matcher sum = Pattern.compile("(?m)^checked \\d+ files?: (\\d+) errors?, \\d+ warnings?$")
          .matcher(stdout);
      assertThat(sum.find()).as("summary line in " + context + "\n" + stdout).isTrue();
      errors = Long.parseLong(sum.group(1));
      for (Message m : expected) {
        String located = m.located() ? "\\d+:\\d+: " : "(\\d+(:\\d+)?: | )";
        Pattern p = Pattern.compile("(?m)^" + Pattern.quote(file) + ":" + located + "(error|warning): .*"
            + Pattern.quote(m.fragment()) + ".* \\[[a-z-]+\\]$");
        assertThat(p.matcher(stdout).find()).as("a finding '%s' on %s in %s:\n%s", m.fragment(), file, context,
            stdout).isTrue();
      }
    }
    assertThat(exit).as("exit code agrees with %d errors: %s", errors, context).isEqualTo(errors > 0 ? 1 : 0);
  }

  private static void checkList(Run r, Template t, String stdout, String context) throws IOException {
    Path root = r.articles().toAbsolutePath().normalize();
    List<String> slugs = new ArrayList<>();
    if (t.args().apply(r).contains("--json")) {
      JsonNode tree = JSON.readTree(stdout);
      assertThat(tree.isArray()).as(context).isTrue();
      for (JsonNode a : tree) slugs.add(a.get("slug").asText());
    } else {
      for (String line : stdout.split("\n")) if (line.startsWith("                     ")) slugs.add(line.strip());
    }
    String targetSlug = Library.slugOf(root, r.targetFile());
    String subjectSlug = Library.slugOf(root, r.subject());
    if (r.c().listed) assertThat(slugs).as(context).contains(targetSlug);
    else assertThat(slugs).as(context).doesNotContain(subjectSlug);
  }

  @org.junit.jupiter.api.Test
  void usageErrorsDoNotEchoControlCharacters() {
    for (String[] args : List.of(new String[] {"render", "-w", "\u001b]0;pwned\u0007"},
        new String[] {"list", "--sort", "\u001b[2J\u009b31m"}, new String[] {"\u001b]52;c;eA==\u0007"},
        new String[] {"render", "--dir", tmp.toString(), "no\u001b[31m-such\u202e"})) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
      assertThat(exit).as(printable(String.join(" ", args))).isEqualTo(Main.USAGE);
      assertThat(err.toString()).isNotEmpty();
      assertNoControls(out.toString(), "stdout");
      assertNoControls(err.toString(), "stderr of " + printable(String.join(" ", args)));
    }
  }

  /** Fails on any character a terminal could act on: C0 but newline, DEL, C1, bidi controls. */
  static void assertNoControls(String s, String what) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean bad = (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || Text.isBidiControl(cp)
          || cp == 0x2028 || cp == 0x2029;
      if (bad) {
        int from = Math.max(0, i - 40);
        throw new AssertionError(String.format("raw U+%04X at %d in %s: ...%s...", cp, i, what,
            printable(s.substring(from, Math.min(s.length(), i + 40)))));
      }
      i += Character.charCount(cp);
    }
  }

  /** Shows control characters as escapes, for failure messages. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().limit(300).forEach(cp -> {
      if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || Text.isBidiControl(cp)) sb.append(String.format("\\u%04x", cp));
      else sb.appendCodePoint(cp);
    });
    return sb.toString();
  }
}
