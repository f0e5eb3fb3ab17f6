package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleFiles;
import clinicreader.content.Library;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory index (search as you type) and the folder scan (the CLI) must find the same
 * articles in the same order, and the scan's raw-byte check must never drop an article that the
 * exact match accepts.
 */
class MatchAgreementTest {
  @TempDir Path dir;

  @Test
  void indexAndScanAgreeOnASyntheticLibrary() throws Exception {
    SyntheticLibrary.write(dir, 120, 7L);
    Library lib = Library.open(dir, ArticleFiles.DEFAULT_MAX_BYTES);
    SearchIndex index = SearchIndex.build(lib, false);
    assertThat(index.size()).isGreaterThan(100);
    for (String q : List.of("k", "ka", "kazu", "the care", "ketamine", "cafe", "café", "esketamina", "coracao",
        "arztin niño", "治療", "漢字", "zanfu kel", "dose week", "nothingatall")) {
      List<Result> fromIndex = index.query(q);
      List<Result> fromScan = LibraryScan.search(dir, ArticleFiles.DEFAULT_MAX_BYTES, false, Query.parse(q)).results();
      assertThat(fromScan.stream().map(r -> r.slug() + ":" + r.score()).toList()).as(q)
          .isEqualTo(fromIndex.stream().map(r -> r.slug() + ":" + r.score()).toList());
    }
    assertThat(index.query("ka")).isNotEmpty();
    assertThat(index.query("café")).isNotEmpty();
    assertThat(index.query("漢字")).isNotEmpty();
  }

  private static final String[] PIECES = {"a", "e", "i", "o", "k", "z", "K", "E", "é", "É", "e\u0301", "\u0301",
      "ǆ", "\u212A", "ß", "æ", "ø", " ", "-", "*", "\u00A0", "漢", "🙂", "\uFE0F", "ı", "İ", "\\u00e9"};

  @Test
  void theRawCheckNeverDropsAnArticleTheExactMatchAccepts() {
    Random random = new Random(11);
    for (int round = 0; round < 4000; round++) {
      StringBuilder title = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 6; i++) title.append(PIECES[random.nextInt(PIECES.length)]);
      for (int i = 0; i < 30; i++) body.append(PIECES[random.nextInt(PIECES.length)]);
      StringBuilder q = new StringBuilder();
      for (int i = 0; i < 1 + random.nextInt(3); i++) q.append(PIECES[random.nextInt(PIECES.length)]);
      Query query = Query.parse(q.toString());
      if (query.isEmpty()) continue;
      String file = "---\ntitle: \"" + title + "\"\ndate: 2024-01-01\n---\n" + body + "\n";
      Doc doc = new Doc("x", Path.of("x.md"), clinicreader.content.Text.cleanLine(title.toString()), null, false,
          List.of(), "");
      Hit exact = LibraryScan.match(doc, clinicreader.content.SourceText.decode(
          body.append('\n').toString().getBytes(StandardCharsets.UTF_8)).text(), query);
      if (exact != null) {
        assertThat(RawFilter.mayMatch(file.getBytes(StandardCharsets.UTF_8), LibraryScan.asciiWords(query)))
            .as("query %s in %s", q, file).isTrue();
      }
    }
  }

  @Test
  void foldingIsStableAndMapsBack() {
    assertThat(Fold.fold("Café CAFE cafe\u0301 ǅ İstanbul Kelvin\u212A")).isEqualTo("cafe cafe cafe ǆ istanbul kelvink");
    String s = "Ärztin café";
    Fold.Folded f = Fold.folded(s);
    assertThat(Fold.fold(f.text())).isEqualTo(f.text());
    int at = f.text().indexOf("cafe");
    assertThat(s.substring(f.originalStart(at), f.originalEnd(at + 4, s))).isEqualTo("café");
  }
}
