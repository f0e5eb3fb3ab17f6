package clinicreader.check;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleFiles;
import clinicreader.content.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The broken fixture library has one planted mistake per rule; check must find each, in place. */
class BrokenLibraryTest {
  static final Path BROKEN = Path.of("src/test/resources/check/broken");

  /** Each planted mistake: file (relative to the fixture), line:column, severity and rule. */
  static final List<String> PLANTED = List.of(
      "broken-anchor.md:11:13: error [broken-anchor]",
      "broken-link.md:11:15: error [broken-link]",
      "clinic.json:3:12: error [clinic]",
      "clinic.json:4:12: error [clinic]",
      "clinic.json:5:14: error [clinic]",
      "clinic.json:8:12: error [clinic]",
      "clinic.json:13:12: error [clinic]",
      "clinic.json:16:3: warning [unknown-key]",
      "draft-link.md:11:18: warning [draft-link]",
      "empty-section.md:17:1: error [empty-section]",
      "empty.md: error [file]",
      "encoding.md:11:8: error [encoding]",
      "encoding.md:11:16: error [encoding]",
      "encoding.md:12:11: error [encoding]",
      "few-sections.md:13:1: error [few-sections]",
      "front-matter.md:2:1: error [front-matter]",
      "heading-skip.md:17:1: error [heading-skip]",
      "image-alt.md:13:5: error [image-alt]",
      "missing-cta.md:8:6: error [missing-cta]",
      "missing-related.md:7:17: error [missing-related]",
      "more/faq.md: warning [duplicate-slug]",
      "no-references.md: warning [no-references]",
      "outside-link.md:11:12: error [outside-link]",
      "placeholder.md:11:1: warning [placeholder]",
      "summary-long.md:5:10: error [summary]",
      "summary-missing.md:2:1: error [summary]",
      "title-twin.md:2:1: error [duplicate-title]",
      "unknown-key.md:9:1: warning [unknown-key]");

  static String key(Problem p) {
    String prefix = Problem.display(BROKEN) + "/";
    String file = p.file().startsWith(prefix) ? p.file().substring(prefix.length()) : p.file();
    String where = new Problem(file, p.line(), p.column(), p.severity(), p.message(), p.rule()).where();
    return where + ": " + p.severity().label() + " [" + p.rule() + "]";
  }

  @Test
  void findsEveryPlantedMistakeAtItsLineAndNothingElse() throws Exception {
    CheckReport r = ContentCheck.run(BROKEN, List.of(), new ContentCheck.Options(false, ArticleFiles.DEFAULT_MAX_BYTES));
    assertThat(r.problems()).extracting(BrokenLibraryTest::key).containsExactlyElementsOf(PLANTED);
    assertThat(r.errors()).isEqualTo(PLANTED.stream().filter(s -> s.contains(": error")).count());
    assertThat(r.files()).isEqualTo(24);
  }

  @Test
  void everyRuleHasAPlantedMistake() {
    for (Rule rule : Rule.values()) {
      assertThat(PLANTED).as("a planted mistake for [%s]", rule.id()).anyMatch(s -> s.endsWith("[" + rule.id() + "]"));
    }
  }

  @Test
  void messagesNameWhatIsWrong() throws Exception {
    CheckReport r = ContentCheck.run(BROKEN, List.of(), new ContentCheck.Options(false, ArticleFiles.DEFAULT_MAX_BYTES));
    List<String> lines = r.problems().stream().map(Problem::full).toList();
    assertThat(lines).anyMatch(l -> l.endsWith("broken-link.md:11:15: error: link to missing article \"finance\" [broken-link]"));
    assertThat(lines).anyMatch(l -> l.contains("no section \"#gamma\" in \"good\""));
    assertThat(lines).anyMatch(l -> l.contains("cta \"nowhere\" is not defined in clinic.json; defined: consultation, insurance"));
    assertThat(lines).anyMatch(l -> l.contains("related article \"no-such-article\" does not exist"));
    assertThat(lines).anyMatch(l -> l.contains("heading level skips from ## to ####"));
    assertThat(lines).anyMatch(l -> l.contains("control character U+001B"));
    assertThat(lines).anyMatch(l -> l.contains("\"consultation\" is used by an earlier call-to-action"));
  }

  @Test
  void strictTurnsEveryWarningIntoAnError() throws Exception {
    CheckReport r = ContentCheck.run(BROKEN, List.of(), new ContentCheck.Options(true, ArticleFiles.DEFAULT_MAX_BYTES));
    assertThat(r.warnings()).isZero();
    assertThat(r.errors()).isEqualTo(PLANTED.size());
  }
}
