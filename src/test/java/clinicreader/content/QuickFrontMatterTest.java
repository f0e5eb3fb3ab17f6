package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The quick front-matter reader gives the YAML parser's result whenever it answers, and declines the rest. */
class QuickFrontMatterTest {
  private static final Path FILE = Path.of("a.md");

  /** What the full parser makes of {@code yaml}: the front matter, or its problem. */
  private static Object full(String yaml) {
    try {
      return FrontMatterParser.full(FILE, new FrontMatterParser.Split(yaml, "", 2));
    } catch (ContentException e) {
      return e.problem().brief();
    }
  }

  private static void agrees(String yaml) {
    FrontMatter quick = QuickFrontMatter.read(yaml);
    if (quick != null) assertThat(quick).as(yaml).isEqualTo(full(yaml));
  }

  @Test
  void agreesOnEveryBundledArticleAndReadsThemAll() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("articles"))) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    int quick = 0;
    for (Path f : files) {
      String text = SourceText.decode(Files.readAllBytes(f)).text();
      FrontMatterParser.Split split;
      try {
        split = FrontMatterParser.split(f, text);
      } catch (ContentException e) {
        continue; // a deliberately broken draft: nothing to compare
      }
      FrontMatter q = QuickFrontMatter.read(split.yaml());
      Object full;
      try {
        full = FrontMatterParser.full(f, split);
      } catch (ContentException e) {
        full = e.problem().brief();
      }
      if (q != null) {
        assertThat(q).as(f.toString()).isEqualTo(full);
        quick++;
      }
    }
    // the published articles are the plain case the quick reader exists for
    assertThat(quick).isGreaterThanOrEqualTo(files.size() - 3);
  }

  @Test
  void readsTheUsualShape() {
    String yaml = "title: \"Your first visit: what to expect\"\ndate: 2026-03-10\nauthor: 'Dr. A'\n"
        + "summary: Plain words, with commas and a colon:inside\ntags: [ketamine, depression]\n"
        + "related: [costs/insurance-coverage, how-ketamine-works]\ncta: consultation\ndraft: true\nextra: x\n";
    FrontMatter q = QuickFrontMatter.read(yaml);
    assertThat(q).isNotNull().isEqualTo(full(yaml));
    assertThat(q.title()).isEqualTo("Your first visit: what to expect");
    assertThat(q.tags()).containsExactly("ketamine", "depression");
    assertThat(q.related()).containsExactly("costs/insurance-coverage", "how-ketamine-works");
    assertThat(q.draft()).isTrue();
    assertThat(q.unknownKeys()).containsExactly("extra");
    assertThat(q.lineOf("tags", 0)).isEqualTo(6);
  }

  @Test
  void declinesAnythingUnusualOrWrong() {
    String head = "title: T\ndate: 2026-01-02\n";
    List<String> unusual = List.of(
        "# a comment\n" + head,
        head + "tags:\n  - a\n  - b\n",
        head + "summary: a\n  continued\n",
        "title: \"esc\\\"aped\"\ndate: 2026-01-02\n",
        "title: 'it''s'\ndate: 2026-01-02\n",
        head + "summary: 1.50\n",
        head + "author: null\n",
        head + "author: ~\n",
        head + "summary: Yes\n",
        head + "summary: a #comment\n",
        head + "summary: a: b\n",
        head + "summary:\n",
        head + "tags: [a, \"b\"]\n",
        head + "tags: [a, 3]\n",
        head + "tags: [a,]\n",
        head + "tags: {a: b}\n",
        head + "draft: maybe\n",
        head + "title: again\n",
        head + "summary: !!str x\n",
        head + "summary: &a x\n",
        head + "summary: *a\n",
        head + "summary: |\n  block\n",
        head + "summary: a\tb\n",
        head + "summary: a\u2028b\n",
        "title: T\ndate: 2026-02-30\n",
        "title: T\ndate: 2023-02-29\n",
        "title: T\ndate: 2026-04-31\n",
        "title: T\ndate: 2026-00-10\n",
        "title: T\ndate: 2026-13-01\n",
        "title: T\ndate: 2026-01-00\n",
        "title: T\ndate: \"2026-02-30\"\n",
        "title: T\ndate: 2026-1-2\n",
        "title: \"  \"\ndate: 2026-01-02\n",
        "date: 2026-01-02\n",
        "title: T\n",
        "Title : T\ndate: 2026-01-02\n",
        "%YAML 1.2\n" + head,
        "   \n" + head,
        "");
    for (String yaml : unusual) assertThat(QuickFrontMatter.read(yaml)).as(yaml).isNull();
  }

  @Test
  void agreesWithTheYamlParserOnGeneratedFrontMatter() {
    int[] read = {0};
    Props.check("quick front matter = full", 3000, QuickFrontMatterTest::generate, yaml -> {
      FrontMatter quick = QuickFrontMatter.read(yaml);
      if (quick != null) {
        assertThat(quick).isEqualTo(full(yaml));
        read[0]++;
      }
    });
    // both readers' paths are exercised
    assertThat(read[0]).isBetween(100, 2900);
  }

  @Test
  void answersOnMostGeneratedPlainFrontMatter() {
    // the generator is not vacuous: plain pieces alone are read by the quick reader
    int read = 0;
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      String yaml = "title: " + pick(r, SAFE_TITLES) + "\ndate: 2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10)
          + "\ntags: [" + pick(r, SAFE_WORDS) + ", " + pick(r, SAFE_WORDS) + "]\n";
      agrees(yaml);
      if (QuickFrontMatter.read(yaml) != null) read++;
    }
    assertThat(read).isGreaterThan(150);
  }

  private static final String[] SAFE_TITLES = {"Plain title", "\"A: quoted\"", "'single'", "Émile's guide", "C#",
      "What's new?", "Ω and 中文", "emoji 🙂 ok", "\"3 things\""};
  private static final String[] SAFE_WORDS = {"a", "ketamine", "costs/insurance", "b.c", "x_y", "a b"};
  private static final String[] KEYS = {"title", "date", "author", "summary", "tags", "related", "cta", "draft",
      "extra", "y", "on", "x-y", "Title", "title ", " title", "#title", "tags_2"};
  private static final String[] WORDS = {"a", "ketamine", "costs/insurance", "b.c", "x_y", "3", "1.5", "true", "No",
      "null", "é", "a b", "-a", "", "\"q\"", "'q'", "a:b", "a: b", "a#b", "a #b", "[x]", "0x1F", "Off", "y"};
  private static final String[] PLAIN = {"Plain title", "Émile's guide", "ketamine", "C#", "A: b", "a:b", "a #b",
      "What's new?", "3 things", "1.50", "true", "False", "null", "~", "yes", "Y", "on", "Ω and 中文", "emoji 🙂 ok",
      "trailing  ", "x,y", "a [b]", "a {b}", "a | b", "a > b", "a & b", "a * b", "a ! b", "a % b", "a @ b", "a ` b",
      "2026-01-02", "2026-13-40", "2026-01-02T10:00", "a\tb", "NaN", ".inf", "-", "- a", "? a", "@a", "`a`", "!a",
      "&a", "*a", "|", ">", "%a", "a\\b", "\u0085", "a\u2029b", "Infinity"};

  private static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  private static String generate(Random r) {
    StringBuilder sb = new StringBuilder();
    List<String> keys = new ArrayList<>(List.of("title", "date"));
    int extra = r.nextInt(7);
    for (int i = 0; i < extra; i++) keys.add(r.nextInt(keys.size() + 1), pick(r, KEYS));
    for (String key : keys) {
      if (r.nextInt(30) == 0) sb.append(pick(r, new String[] {"# note\n", "\n", "  \n", "  indented: x\n", "---x\n"}));
      sb.append(key).append(r.nextInt(25) == 0 ? ":" : ": ");
      sb.append(value(r, key));
      sb.append(r.nextInt(10) == 0 ? " " : "").append('\n');
    }
    return sb.toString();
  }

  private static String value(Random r, String key) {
    if (key.equals("date") && r.nextInt(4) != 0) {
      return r.nextInt(5) == 0 ? "\"2026-02-0" + r.nextInt(10) + "\"" : "2026-0" + (1 + r.nextInt(9)) + "-2" + r.nextInt(10);
    }
    if (key.equals("draft") && r.nextInt(2) == 0) return pick(r, new String[] {"true", "false", "yes", "No", "ON", "maybe", "\"off\"", "1"});
    return switch (r.nextInt(6)) {
      case 0, 1 -> pick(r, PLAIN);
      case 2 -> "\"" + pick(r, PLAIN) + "\"";
      case 3 -> "'" + pick(r, PLAIN) + "'";
      case 4 -> {
        StringBuilder sb = new StringBuilder("[");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) sb.append(i > 0 ? (r.nextBoolean() ? ", " : ",") : "").append(pick(r, WORDS));
        yield sb.append(r.nextInt(15) == 0 ? "" : "]").toString();
      }
      default -> pick(r, WORDS);
    };
  }

  /** Dates read by hand are the dates the parser reads, on every day of the years around a leap year and at the edges. */
  @Test
  void datesAreReadAsTheParserReadsThem() {
    for (String day : new String[] {"0000-01-01", "0001-12-31", "2024-02-29", "2024-12-31", "9999-12-31", "1970-01-01"}) {
      FrontMatter f = QuickFrontMatter.read("title: T\ndate: " + day + "\n");
      assertThat(f).as(day).isNotNull();
      assertThat(f.date()).as(day).isEqualTo(java.time.LocalDate.parse(day));
      assertThat(QuickFrontMatter.read("title: T\ndate: \"" + day + "\"\n").date()).isEqualTo(java.time.LocalDate.parse(day));
    }
    for (java.time.LocalDate d = java.time.LocalDate.of(2023, 1, 1); d.getYear() < 2025; d = d.plusDays(1)) {
      assertThat(QuickFrontMatter.read("title: T\ndate: " + d + "\n").date()).isEqualTo(d);
    }
  }
}
