package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

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
}
