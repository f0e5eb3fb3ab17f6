package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Drafts are hidden from the list; --drafts shows them marked DRAFT. */
class ListDraftsTest {
  @Test
  void bundledDraftIsHiddenByDefault() {
    CliRun r = CliRun.of("list", "--dir", "articles");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("aftercare").doesNotContain("DRAFT").contains("8 articles.");
  }

  @Test
  void draftsOptionShowsItMarked() {
    CliRun r = CliRun.of("list", "--dir", "articles", "--drafts");
    assertThat(r.out()).contains("[DRAFT] After treatment: aftercare and follow-up").contains("drafts/aftercare-and-follow-up")
        .contains("9 articles.");
    assertThat(r.out().lines().filter(l -> l.contains("[DRAFT]")).count()).isEqualTo(1);
  }

  @Test
  void jsonListMarksDrafts() {
    assertThat(CliRun.of("list", "--dir", "articles", "--json").out()).doesNotContain("aftercare");
    assertThat(CliRun.of("list", "--dir", "articles", "--json", "--drafts").out()).contains("\"draft\" : true");
  }
}
