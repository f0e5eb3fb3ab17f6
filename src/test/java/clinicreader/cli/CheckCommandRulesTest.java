package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check rule with a failing and a passing fixture, run through the command line with
 * exit codes asserted. Each fixture is a small library: a valid clinic.json, a clean article
 * "good" (sections Alpha, Beta, References), a clean draft "drafty", and the case's file.
 */
class CheckCommandRulesTest {
  @TempDir Path dir;

  static final String CLINIC = """
      {
        "name": "Test Clinic",
        "phone": "555-0150",
        "email": "care@example.org",
        "website": "https://www.example.org",
        "booking": {"label": "Book", "url": "https://www.example.org/book", "phone": "555-0150"},
        "ctas": [
          {"id": "consultation", "title": "Talk to us"},
          {"id": "insurance", "title": "Insurance questions"}
        ]
      }
      """;

  static final String SECTIONS = "\n## Alpha\n\nAlpha text.\n\n## Beta\n\nBeta text.\n\n## References\n\n1. A source.\n";

  /** An article: front matter lines 1-9 (extra keys before the closing ---), intro on line 11. */
  static String article(String title, String extra, String intro, String body) {
    return "---\ntitle: \"" + title + "\"\ndate: 2026-01-10\nauthor: \"Test Author\"\n"
        + "summary: \"A short summary.\"\ntags: [test]\nrelated: []\ncta: consultation\n" + extra + "---\n\n"
        + intro + "\n" + body;
  }

  static String article(String title, String intro) {
    return article(title, "", intro, SECTIONS);
  }

  /** One rule's fixture: the file to write, its failing and passing text, and what to expect. */
  record Case(String name, String rule, String file, byte[] failing, byte[] passing, int exit, String where,
      String message) {
    /** The passing fixture's file: the same, except where the name itself is the mistake. */
    String passingFile() {
      return file.equals("sub/good.md") ? "sub/other.md" : file;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, String rule, String file, String failing, String passing, int exit, String where,
      String message) {
    return new Case(name, rule, file, failing.getBytes(StandardCharsets.UTF_8), passing.getBytes(StandardCharsets.UTF_8),
        exit, where, message);
  }

  static String fm(String replace, String with) {
    return article("Case", "Intro.").replace(replace, with);
  }

  static Stream<Case> cases() {
    String ok = article("Case", "Intro.");
    List<Case> l = new ArrayList<>(List.of(
        c("date missing", "front-matter", "case.md", fm("date: 2026-01-10\n", ""), ok, 1, ":2:1:", "date: missing"),
        c("title missing", "front-matter", "case.md", fm("title: \"Case\"\n", ""), ok, 1, ":2:1:", "title: missing"),
        c("date not a date", "front-matter", "case.md", fm("2026-01-10", "2026-13-45"), ok, 1, ":3:7:", "not a date"),
        c("tags of the wrong type", "front-matter", "case.md", fm("tags: [test]", "tags: {a: 1}"), ok, 1, ":6:",
            "tags: expected a list"),
        c("unknown key", "unknown-key", "case.md", fm("cta: consultation\n", "cta: consultation\ncolour: blue\n"), ok,
            0, ":9:1:", "unknown front matter key \"colour\""),
        c("duplicate title", "duplicate-title", "case.md", article("Good Article", "Intro."), ok, 1, ":2:1:",
            "is also the title of"),
        c("duplicate file name", "duplicate-slug", "sub/good.md", article("Another", "Intro."), ok.replace("Case",
            "Another"), 0, "sub/good.md: warning:", "another article is also named \"good\""),
        c("related slug missing", "missing-related", "case.md", fm("related: []", "related: [good, nope]"),
            fm("related: []", "related: [good]"), 1, ":7:17:", "related article \"nope\" does not exist"),
        c("related slug on its own line", "missing-related", "case.md", fm("related: []", "related:\n  - nope"),
            fm("related: []", "related:\n  - good"), 1, ":8:5:", "\"nope\""),
        c("cta id missing", "missing-cta", "case.md", fm("cta: consultation", "cta: nowhere"),
            fm("cta: consultation", "cta: insurance"), 1, ":8:6:", "cta \"nowhere\" is not defined"),
        c("link to a missing article", "broken-link", "case.md", article("Case", "See [it](finance.md) here."),
            article("Case", "See [it](good.md) here."), 1, ":11:10:", "link to missing article \"finance\""),
        c("link text that repeats the target", "broken-link", "case.md",
            article("Case", "The finance.md page: [finance.md](finance.md)."),
            article("Case", "The good.md page: [good.md](good.md)."), 1, ":11:35:", "\"finance\""),
        c("link to a missing slug", "broken-link", "case.md", article("Case", "See [it](finance) here."),
            article("Case", "See [it](good) here."), 1, ":11:10:", "link to missing article \"finance\""),
        c("reference-style link", "broken-link", "case.md",
            article("Case", "", "See [it][1] here.\n\n[1]: missing.md", SECTIONS),
            article("Case", "", "See [it][1] here.\n\n[1]: good.md", SECTIONS), 1, ":13:6:", "\"missing\""),
        c("link to a missing file", "broken-link", "case.md", article("Case", "See [the form](form.pdf)."),
            article("Case", "See [the form](clinic.json)."), 1, ":11:16:", "file \"form.pdf\" does not exist"),
        c("anchor in another article", "broken-anchor", "case.md", article("Case", "See [it](good.md#gamma)."),
            article("Case", "See [it](good.md#beta)."), 1, ":11:10:", "no section \"#gamma\" in \"good\""),
        c("anchor in this article", "broken-anchor", "case.md", article("Case", "Jump [down](#betta)."),
            article("Case", "Jump [down](#beta)."), 1, ":11:13:", "did you mean"),
        c("anchor by slug", "broken-anchor", "case.md", article("Case", "See [it](good#nope)."),
            article("Case", "See [it](good#alpha)."), 1, ":11:10:", "\"#nope\""),
        c("link outside the directory", "outside-link", "case.md", article("Case", "See [it](../secret.md)."),
            article("Case", "See [it](./good.md)."), 1, ":11:10:", "points outside the articles directory"),
        c("absolute path link", "outside-link", "case.md", article("Case", "See [it](/etc/passwd)."),
            article("Case", "See [it](https://www.example.org/x)."), 1, ":11:10:", "absolute path"),
        c("link to a draft", "draft-link", "case.md", article("Case", "See [it](drafty.md)."),
            article("Case", "See [it](good.md)."), 0, ":11:10:", "a draft"),
        c("heading level skips", "heading-skip", "case.md",
            article("Case", "", "Intro.", "\n## Alpha\n\nText.\n\n#### Deep\n\nText.\n\n## References\n\n1. A.\n"),
            article("Case", "", "Intro.", "\n## Alpha\n\nText.\n\n### Deep\n\nText.\n\n## References\n\n1. A.\n"),
            1, ":17:1:", "skips from ## to ####"),
        c("first heading too deep", "heading-skip", "case.md",
            article("Case", "", "Intro.", "\n### Alpha\n\nText.\n\n## Beta\n\nText.\n\n## References\n\n1. A.\n"),
            ok, 1, ":13:1:", "first heading is ###"),
        c("empty section", "empty-section", "case.md",
            article("Case", "", "Intro.", "\n## Alpha\n\n## Beta\n\nText.\n\n## References\n\n1. A.\n"),
            article("Case", "", "Intro.", "\n## Alpha\n\n### Sub\n\nText.\n\n## Beta\n\nText.\n\n## References\n\n1. A.\n"),
            1, ":13:1:", "section \"Alpha\" is empty"),
        c("empty last section", "empty-section", "case.md",
            article("Case", "", "Intro.", "\n## Alpha\n\nText.\n\n## Beta\n\nText.\n\n## References\n"), ok, 1,
            ":21:1:", "section \"References\" is empty"),
        c("one section", "few-sections", "case.md", article("Case", "", "Intro.", "\n## References\n\n1. A.\n"),
            ok, 1, ":13:1:", "only one section"),
        c("image without alt text", "image-alt", "case.md", article("Case", "![](https://www.example.org/c.png)"),
            article("Case", "![A chart of visits](https://www.example.org/c.png)"), 1, ":11:5:", "no alt text"),
        c("summary too long", "summary", "case.md", fm("A short summary.", "Long. ".repeat(60)), ok, 1, ":5:10:",
            "characters is over 300"),
        c("summary missing", "summary", "case.md", fm("summary: \"A short summary.\"\n", ""), ok, 1, ":2:1:",
            "summary: missing"),
        c("control character", "encoding", "case.md", article("Case", "Red \u001b[31mtext."), ok, 1, ":11:5:",
            "control character U+001B"),
        c("bidi control", "encoding", "case.md", article("Case", "Price \u202e0.01."), ok, 1, ":11:7:",
            "bidirectional control character U+202E"),
        c("no references", "no-references", "case.md",
            article("Case", "", "Intro.", "\n## Alpha\n\nText.\n\n## Beta\n\nText.\n"), ok, 0, "case.md: warning:",
            "no References section"),
        c("placeholder", "placeholder", "case.md", article("Case", "TODO: write this."), ok, 0, ":11:1:",
            "replace the TODO"),
        c("empty file", "file", "case.md", "", ok, 1, "case.md: error:", "empty file"),
        c("clinic phone", "clinic", "clinic.json", CLINIC.replace("\"555-0150\",\n  \"email", "\"call us\",\n  \"email"),
            CLINIC, 1, "clinic.json:3:12:", "phone: \"call us\" is not a phone number"),
        c("clinic email", "clinic", "clinic.json", CLINIC.replace("care@example.org", "care.example.org"), CLINIC, 1,
            "clinic.json:4:12:", "not an email address"),
        c("clinic website", "clinic", "clinic.json", CLINIC.replace("\"https://www.example.org\"", "\"example\""),
            CLINIC, 1, "clinic.json:5:14:", "website: \"example\" is not a web address"),
        c("clinic booking url", "clinic", "clinic.json", CLINIC.replace("https://www.example.org/book", "/book"),
            CLINIC, 1, "clinic.json:6:", "booking.url"),
        c("clinic name missing", "clinic", "clinic.json", CLINIC.replace("\"name\": \"Test Clinic\",\n  ", ""),
            CLINIC, 1, "clinic.json:1:1:", "name: missing"),
        c("clinic cta ids unique", "clinic", "clinic.json", CLINIC.replace("\"insurance\"", "\"consultation\""),
            CLINIC, 1, "clinic.json:9:12:", "ids must be unique"),
        c("clinic wrong type", "clinic", "clinic.json", CLINIC.replace("\"555-0150\",\n  \"email", "5550150,\n  \"email"),
            CLINIC, 1, "clinic.json:3:12:", "phone: expected text"),
        c("clinic invalid JSON", "clinic", "clinic.json", CLINIC.replace("\"Test Clinic\",", "\"Test Clinic\""),
            CLINIC, 1, "clinic.json:3:", "invalid JSON"),
        c("clinic unknown key", "unknown-key", "clinic.json", CLINIC.replace("{\n  \"name\"", "{\n  \"nmae\": \"x\",\n  \"name\""),
            CLINIC, 0, "clinic.json:2:3:", "unknown key \"nmae\"")));
    l.add(new Case("invalid UTF-8", "encoding", "case.md",
        concat(article("Case", "Bad ").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '!', '\n'}),
        article("Case", "Intro.").getBytes(StandardCharsets.UTF_8), 1, ":24:1:", "invalid UTF-8"));
    l.add(new Case("binary file", "file", "case.md", new byte[] {'-', '-', '-', '\n', 0, 1, 2, '\n'},
        article("Case", "Intro.").getBytes(StandardCharsets.UTF_8), 1, "case.md: error:", "binary file"));
    return l.stream();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  record Run(int code, String out, String err) {}

  Run check(String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("check", "--dir", dir.toString()));
    args.addAll(List.of(extra));
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  void library(Case c, String file, byte[] content) throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CLINIC);
    Files.writeString(dir.resolve("good.md"), article("Good article", "Intro."));
    Files.writeString(dir.resolve("drafty.md"), article("A draft", "draft: true\n", "Intro.", SECTIONS));
    Path f = dir.resolve(file);
    Files.createDirectories(f.getParent());
    Files.write(f, content);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failingFixtureIsReportedWithItsLine(Case c) throws Exception {
    library(c, c.file(), c.failing());
    Run r = check();
    List<String> hits = r.out().lines().filter(l -> l.endsWith("[" + c.rule() + "]")).toList();
    assertThat(hits).as(r.out()).hasSize(1);
    assertThat(hits.get(0)).contains(c.where()).contains(c.message())
        .contains(": " + (c.exit() == 1 ? "error" : "warning") + ": ");
    assertThat(r.code()).as(r.out()).isEqualTo(c.exit());
    assertThat(r.out().lines().reduce((a, b) -> b).orElse("")).startsWith("checked ")
        .contains(c.exit() == 1 ? "1 error," : "0 errors, 1 warning");
    assertThat(check("--strict").code()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passingFixtureIsClean(Case c) throws Exception {
    library(c, c.passingFile(), c.passing());
    Run r = check();
    assertThat(r.out()).doesNotContain("[" + c.rule() + "]").endsWith("0 errors, 0 warnings\n");
    assertThat(r.code()).isZero();
    assertThat(check("--strict").code()).isZero();
  }
}
