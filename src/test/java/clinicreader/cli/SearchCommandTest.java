package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  static final String FIXTURE = "src/test/resources/search/library";

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsRankedResultsWithSectionAndSnippet() {
    Run r = run("search", "--dir", FIXTURE, "remission");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Reading a trial report  results-article")
        .contains("    3. Results\n")
        .contains("remission")
        .contains("1 article matches")
        .doesNotContain("\u001b[");
  }

  @Test
  void titleMatchComesFirst() {
    Run r = run("search", "--dir", FIXTURE, "insur");
    assertThat(r.code()).isZero();
    assertThat(r.out().indexOf("insurance-basics")).isLessThan(r.out().indexOf("body-match"));
    assertThat(r.out()).doesNotContain("draft-note").contains("4 articles match");
    assertThat(run("search", "--dir", FIXTURE, "--drafts", "insur").out()).contains("draft-note");
  }

  @Test
  void exitCodes() {
    assertThat(run("search", "--dir", FIXTURE, "zyzzyva").code()).isEqualTo(1);
    assertThat(run("search", "--dir", FIXTURE, "zyzzyva").out()).contains("No articles match \"zyzzyva\"");
    assertThat(run("search", "--dir", FIXTURE).code()).isEqualTo(2);
    assertThat(run("search", "--dir", FIXTURE, "!!!").code()).isEqualTo(2);
    assertThat(run("search", "--dir", FIXTURE, "--limit", "-1", "x").code()).isEqualTo(2);
    assertThat(run("search", "--dir", FIXTURE, "--limit", "many", "x").code()).isEqualTo(2);
    assertThat(run("search", "--dir", FIXTURE + "/missing", "insurance").code()).isEqualTo(1);
  }

  @Test
  void limitCutsTheList() {
    Run r = run("search", "--dir", FIXTURE, "--limit", "2", "insurance");
    assertThat(r.out()).contains("insurance-basics").contains("costs/coverage-by-tag")
        .doesNotContain("body-match").contains("showing 2");
  }

  @Test
  void colourHighlightsTheMatchWhenAsked() {
    Run r = run("search", "--dir", FIXTURE, "--color", "always", "remission");
    assertThat(r.out()).contains("\u001b[").contains("remission\u001b[0m");
  }

  @Test
  void jsonParsesAndPointsAtTheMatch() throws Exception {
    Run r = run("search", "--dir", FIXTURE, "--json", "remission");
    assertThat(r.code()).isZero();
    JsonNode list = Json.MAPPER.readTree(r.out());
    assertThat(list.isArray()).isTrue();
    assertThat(list).hasSize(1);
    JsonNode first = list.get(0);
    assertThat(first.get("slug").asText()).isEqualTo("results-article");
    assertThat(first.get("title").asText()).isEqualTo("Reading a trial report");
    assertThat(first.get("path").asText()).endsWith("results-article.md");
    assertThat(first.get("section").get("number").asText()).isEqualTo("3");
    assertThat(first.get("section").get("title").asText()).isEqualTo("Results");
    assertThat(first.get("section").get("anchor").asText()).isEqualTo("results");
    assertThat(first.get("score").asInt()).isPositive();
    String snippet = first.get("snippet").asText();
    JsonNode m = first.get("matches").get(0);
    assertThat(snippet.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo("remission");

    JsonNode titleOnly = Json.MAPPER.readTree(run("search", "--dir", FIXTURE, "--json", "caffeine").out()).get(0);
    assertThat(titleOnly.get("section").isNull()).isTrue();
  }

  @Test
  void theBundledLibraryFindsKadsAndInsurance() throws Exception {
    Run kads = run("search", "--dir", "articles", "--json", "midazolam");
    assertThat(kads.code()).isZero();
    JsonNode list = Json.MAPPER.readTree(kads.out());
    JsonNode hit = null;
    for (JsonNode n : list) if (n.get("slug").asText().equals("ketamine-kads-trial")) hit = n;
    assertThat(hit).isNotNull();
    assertThat(hit.get("snippet").asText().toLowerCase(java.util.Locale.ROOT)).contains("midazolam");

    JsonNode insur = Json.MAPPER.readTree(run("search", "--dir", "articles", "--json", "insur").out());
    assertThat(insur.get(0).get("slug").asText()).isEqualTo("costs/insurance-coverage");
  }

  /** A library of {@code n} articles that all mention "care". */
  private static Path careLibrary(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      Files.writeString(dir.resolve(String.format("a-%03d.md", i)), "---\ntitle: Article " + i + "\ndate: 2025-01-"
          + String.format("%02d", 1 + i % 28) + "\n---\n\nSome words first. Care plan number " + i
          + ".\n\n## Later\n\nMore care here.\n");
    }
    return dir;
  }

  /** A writer that keeps what reaches each flush, and can fail from a given flush on (a closed pipe). */
  private static final class Flushes extends Writer {
    final List<String> flushed = new ArrayList<>();
    final StringBuilder pending = new StringBuilder();
    final int failFrom;

    Flushes(int failFrom) {
      this.failFrom = failFrom;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      pending.append(cbuf, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (pending.length() > 0) flushed.add(pending.toString());
      pending.setLength(0);
      if (flushed.size() >= failFrom) throw new IOException("Broken pipe");
    }

    @Override
    public void close() {}
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
    return n;
  }

  @Test
  void manyResultsArePrintedAStretchAtATimeAsTheirSnippetsAreReady(@TempDir Path tmp) throws IOException {
    Path lib = careLibrary(tmp.resolve("lib"), 300);
    Flushes w = new Flushes(Integer.MAX_VALUE);
    int code = Main.run(new String[] {"search", "--dir", lib.toString(), "--limit", "0", "care"},
        new PrintWriter(w), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    // the first 20 results are out before the other 280 are worked out, then 256 at a time
    assertThat(w.flushed.size()).isGreaterThanOrEqualTo(3);
    assertThat(count(w.flushed.get(0), "  a-")).isEqualTo(20);
    assertThat(count(w.flushed.get(1), "  a-")).isEqualTo(256);
    // and all together read as one run that shows them at once
    String whole = String.join("", w.flushed) + w.pending;
    assertThat(whole).isEqualTo(run("search", "--dir", lib.toString(), "--limit", "0", "care").out())
        .contains("300 articles match.");
  }

  @Test
  void whenTheReadingEndGoesAwayTheRestIsNotWorkedOut(@TempDir Path tmp) throws IOException {
    Path lib = careLibrary(tmp.resolve("lib"), 300);
    Flushes w = new Flushes(1);
    int code = Main.run(new String[] {"search", "--dir", lib.toString(), "--limit", "0", "care"},
        new PrintWriter(w), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    String written = String.join("", w.flushed) + w.pending;
    assertThat(count(written, "  a-")).isEqualTo(20);
    assertThat(written).doesNotContain("articles match");
  }
}
