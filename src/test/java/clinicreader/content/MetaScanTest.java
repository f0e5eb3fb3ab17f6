package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.HostileMarkdown;
import clinicreader.layout.MarkdownSamples;
import clinicreader.testing.Props;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cold library read from bytes ({@link MetaScan}) must find exactly what the usual read
 * (decode, split, read, scan as Strings) finds: the same entry, or the same problem, for every
 * file it does not leave to the usual read.
 */
class MetaScanTest {
  private static final Path FILE = Path.of("lib", "a.md");

  /** The two reads of one file's bytes agree; returns whether the quick one took it. */
  private static boolean agree(byte[] bytes) {
    ArticleMeta quick = null;
    ArticleMeta usual = null;
    String quickProblem = null;
    String usualProblem = null;
    try {
      // as the library reads it: the file's bytes at the start of a longer array holding
      // what an earlier file left, which must not be read
      byte[] reused = java.util.Arrays.copyOf(bytes, bytes.length + LEFT_OVER.length);
      System.arraycopy(LEFT_OVER, 0, reused, bytes.length, LEFT_OVER.length);
      quick = MetaScan.read(FILE, "a", reused, bytes.length);
    } catch (ContentException e) {
      quickProblem = e.getMessage();
    }
    if (quick == null && quickProblem == null) return false;
    try {
      usual = Library.decoded(FILE, "a", bytes);
    } catch (ContentException e) {
      usualProblem = e.getMessage();
    }
    String what = new String(bytes, StandardCharsets.UTF_8);
    assertThat(quickProblem).as(what).isEqualTo(usualProblem);
    assertThat(quick).as(what).isEqualTo(usual);
    return true;
  }

  private static final byte[] LEFT_OVER = "\n## Left over\n\u00e9 words\r\n".getBytes(StandardCharsets.UTF_8);

  private static byte[] article(String front, String body) {
    return ("---\n" + front + "---\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  private static final String FRONT = "title: \"A title\"\ndate: 2024-05-01\ntags: [a, b]\n";

  // lines that open, continue or end every kind of block the scan follows
  private static final String[] LINES = {
      "", "", "", "text", "more text here", "Setext title", "===", "---", "- - -", "***", "___", "  ---  ",
      "## Heading", "# Top", "### Sub", "#### Deep", "##", "#Not", "## Closing ##", "## 2. Numbered", "### 2.1 Sub",
      "## *Em* and `code`", "## [link](x.md)", "## www.example.org", "## \u6cbb\u7642\u3068\u56de\u5fa9", "## caf\u00e9",
      "## \ud83d\ude42 smile", "   ## three", "    ## four", "\t## tab",
      "```", "~~~", "````", "``` java", "```x`y", "~~~~", "- ```", "1. ```", "* ~~~", "  ```", "- item", "* item",
      "+ item", "1. one", "2) two", "1234567890. no", "-no", "  - nested", "    indented code",
      "> quote", "> ## quoted", ">", "> ```", ">> deep", "lazy line",
      "| a | b |", "|---|---|", "| --- | :---: |", "a | b", "---|---", "| c |",
      "<div>", "</div>", "<!-- c", "-->", "<script>", "</script>", "<pre>", "</PRE>", "<?x", "?>", "<![CDATA[", "]]>",
      "<!DOCTYPE x>", "<span>", "<span> text", "<custom-tag>", "<a href=\"x\">", "<p>", "<x",
      "\u4e2d\u6587\u306e\u6587", "\ud83d\udc69\u200d\u2695\ufe0f team", "na\u00efve", "e\u0301 combining",
      "\u3000ideographic space", "a\u00a0b", "\u00a0## nbsp", "tab\there", "pipe | here", "x\u2003y",
  };

  private static String body(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      String line = LINES[r.nextInt(LINES.length)];
      if (r.nextInt(6) == 0) line = " ".repeat(r.nextInt(6)) + line;
      if (r.nextInt(8) == 0) line = line + " ".repeat(1 + r.nextInt(2));
      sb.append(line).append('\n');
    }
    if (r.nextInt(4) == 0 && sb.length() > 0) sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  @Test
  void blockLinesInAnyOrderReadAlike() {
    AtomicInteger taken = new AtomicInteger();
    Props.check("block lines", 3000, MetaScanTest::body, body -> {
      if (agree(article(FRONT, body))) taken.incrementAndGet();
    });
    // most samples are for the quick read (the rest hold whitespace or text it leaves alone)
    assertThat(taken.get()).isGreaterThan(1000);
  }

  @Test
  void runsOfBytesOfEveryKindCountAlike() {
    // letters, digits, spaces, punctuation, and each byte the eight-at-a-time path must stop
    // at, at any offset of a block of eight: the word count and the lines are the usual ones
    String kinds = "aZ09 .-_'(|\t\u007f\u0001\r\u00e9\u6cbb\ud83d\ude42";
    AtomicInteger taken = new AtomicInteger();
    Props.check("byte runs", 3000, r -> {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(80);
      for (int i = 0; i < n; i++) {
        int at = r.nextInt(kinds.length());
        char c = kinds.charAt(at);
        if (Character.isLowSurrogate(c)) continue;
        if (Character.isHighSurrogate(c)) sb.append(kinds, at, at + 2);
        else if (r.nextInt(3) == 0) sb.append(c);
        else sb.append(kinds.charAt(r.nextInt(5)));
        if (r.nextInt(25) == 0) sb.append('\n');
      }
      return sb.toString();
    }, body -> {
      if (agree(article(FRONT, body))) taken.incrementAndGet();
    });
    assertThat(taken.get()).isGreaterThan(300);
  }

  @Test
  void generatedMarkdownReadsAlike() {
    AtomicInteger taken = new AtomicInteger();
    Props.check("generated markdown", 1000, MarkdownSamples::document, body -> {
      if (agree(article(FRONT, body))) taken.incrementAndGet();
    });
    // (these samples lean on combining marks and controls, left to the usual read)
    assertThat(taken.get()).isPositive();
    Props.check("hostile markdown", 1000, HostileMarkdown::document, body -> agree(article(FRONT, body)));
  }

  @Test
  void frontMatterAndItsProblemsReadAlike() {
    String[] fronts = {
        FRONT, "", "title: x\n", "date: 2024-01-01\n", "title: [\n", "title: \"\u6cbb\u7642\"\ndate: 2024-01-01\n",
        "title: a\ndate: 2024-02-30\n", "title: a\ndate: 2024-01-01\ndraft: true\nrelated: [b, c]\n", "- a\n- b\n",
        "title: a\ntitle: b\n", "title: &x a\n", "title: \"caf\u00e9\"\ndate: 2024-01-01\nsummary: e\u0301\n",
    };
    for (String front : fronts) {
      for (String end : new String[] {"---\n", "--- \n", "...\n", "---", "---  \t\n"}) {
        for (String body : new String[] {"", "text\n", "## One\n\ntext\n", "\n## Two"}) {
          byte[] b = ("---\n" + front + end + body).getBytes(StandardCharsets.UTF_8);
          agree(b);
          byte[] bom = new byte[b.length + 3];
          bom[0] = (byte) 0xEF;
          bom[1] = (byte) 0xBB;
          bom[2] = (byte) 0xBF;
          System.arraycopy(b, 0, bom, 3, b.length);
          agree(bom);
        }
      }
    }
  }

  @Test
  void leavesWhatItIsNotSureOfToTheUsualRead() throws Exception {
    assertThat(MetaScan.read(FILE, "a", "---\r\ntitle: a\r\n---\r\nx\r\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(MetaScan.read(FILE, "a", article(FRONT, "x\u0007y\n"))).isNull();
    assertThat(MetaScan.read(FILE, "a", article(FRONT, "e\u0301\n"))).isNull();
    assertThat(MetaScan.read(FILE, "a", article(FRONT, "a\u3000b\n"))).isNull();
    assertThat(MetaScan.read(FILE, "a", article(FRONT, "a\u202eb\n"))).isNull();
    assertThat(MetaScan.read(FILE, "a", "no front matter\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(MetaScan.read(FILE, "a", "---\ntitle: a\n".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(MetaScan.read(FILE, "a", new byte[] {'-', '-', '-', '\n', (byte) 0xC3, '\n'})).isNull();
    // and takes the usual article, counting its words and finding its sections
    ArticleMeta m = MetaScan.read(FILE, "a", article(FRONT, "Intro \u6cbb\u7642 text \ud83d\ude42 -\n\n## 1. One\n\n| a |\n|---|\n\n## Two\n"));
    assertThat(m).isNotNull();
    assertThat(m.words()).isEqualTo(7);
    assertThat(m.outline().sections()).extracting(Outline.Section::label).containsExactly("1 One", "2 Two");
    assertThat(m.outline().sections()).extracting(Outline.Section::sourceLine).containsExactly(8, 13);
  }

  @Test
  void everyBundledArticleReadsAlike() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("articles"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        byte[] b = Files.readAllBytes(f);
        assertThat(agree(b)).as(f.toString()).isTrue();
      }
    }
  }

  /**
   * Every char the quick read lets through without the exact NFC check leaves text normalised
   * whatever stands before it: it has no decomposition of its own, and nothing composes with it
   * or is reordered around it.
   */
  @Test
  void inertCharsNeedNoNormalising() {
    String[] before = {"a", "A", "e", "k", "o", "\u00e9", "\u0301", "\u0316", "\u05b0", "\u093c", "\u0334", "\u304b",
        "\u30ab", "\u1100", "\uac00", "\u0b47", "\u0dd9", "\u0cc6", "\u0d46", "\u0bc6", "\u09c7", "\u1025", "\u1b05",
        "\u4e2d", "\ud83d\ude42", " "};
    int checked = 0;
    for (int cp = 0x300; cp <= 0x1FFFF; cp++) {
      if (!MetaScan.nfcInert(cp)) continue;
      String c = new String(Character.toChars(cp));
      assertThat(Normalizer.isNormalized(c, Normalizer.Form.NFC)).as("U+%04X", cp).isTrue();
      for (String b : before) {
        String s = b + c;
        assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as("%s U+%04X", b, cp).isTrue();
        assertThat(Normalizer.normalize(s, Normalizer.Form.NFC)).as("%s U+%04X", b, cp).isEqualTo(s);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(30_000);
    assertThat(Objects.requireNonNull(SourceText.plainUtf8("\u4e2d\u3002\ud83d\ude42".getBytes(StandardCharsets.UTF_8)))).isNotNull();
  }
}
