package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Cells;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetCutTest {
  static Snippet cut(String text, String query, int width) {
    List<Snippet.Range> ranges = new ArrayList<>();
    Excerpts.matches(text, Query.parse(query), ranges);
    return Excerpts.cut(text, ranges, width);
  }

  @Test
  void shortTextIsKeptWhole() {
    Snippet s = cut("Ask about insurance.", "insur", 80);
    assertThat(s.text()).isEqualTo("Ask about insurance.");
    assertThat(s.matches()).containsExactly(new Snippet.Range(10, 15));
    assertThat(s.columns(s.matches().get(0))).isEqualTo(new Snippet.Columns(10, 15));
  }

  @Test
  void longTextIsCutAtWordsAroundTheMatch() {
    String text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        + "fifteen sixteen seventeen eighteen nineteen twenty midazolam twentyone twentytwo twentythree "
        + "twentyfour twentyfive twentysix twentyseven";
    for (int w = 20; w <= 90; w += 7) {
      Snippet s = cut(text, "midazolam", w);
      assertThat(Cells.width(s.text())).as("%d: %s", w, s.text()).isLessThanOrEqualTo(w);
      assertThat(s.text()).startsWith("…").endsWith("…");
      Snippet.Range m = s.matches().get(0);
      assertThat(s.text().substring(m.start(), m.end())).isEqualTo("midazolam");
      // whole words: the text after the ellipsis starts a word of the original
      String inner = s.text().substring(1, s.text().length() - 1);
      assertThat(text).contains(inner);
      int at = text.indexOf(inner);
      assertThat(at == 0 || text.charAt(at - 1) == ' ').isTrue();
      assertThat(at + inner.length() == text.length() || text.charAt(at + inner.length()) == ' ').isTrue();
    }
  }

  @Test
  void wideCharactersCountTwoColumns() {
    String text = "漢字".repeat(30) + " insurance " + "漢字".repeat(30);
    Snippet s = cut(text, "insurance", 30);
    assertThat(Cells.width(s.text())).isLessThanOrEqualTo(30);
    Snippet.Range m = s.matches().get(0);
    assertThat(s.text().substring(m.start(), m.end())).isEqualTo("insurance");
  }

  @Test
  void aMatchNearTheStartKeepsTheStart() {
    Snippet s = cut("Insurance " + "word ".repeat(40), "insurance", 40);
    assertThat(s.text()).startsWith("Insurance word");
    assertThat(s.text()).endsWith("…");
    assertThat(s.matches()).containsExactly(new Snippet.Range(0, 9));
  }
}
