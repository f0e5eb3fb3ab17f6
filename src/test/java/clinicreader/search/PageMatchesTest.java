package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Line;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.Tone;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageMatchesTest {
  static Line line(String... parts) {
    return new Line(java.util.Arrays.stream(parts).map(p -> new Span(p, Style.of(Tone.TEXT))).toList(), 0);
  }

  @Test
  void findsWordStartsAcrossSpansInDisplayColumns() {
    List<Line> lines = List.of(
        line("Does ", "Insurance", " cover it?"),
        Line.EMPTY,
        line("漢字 insurance and reinsurance"),
        line("A café, a CAFE\u0301."));
    assertThat(PageMatches.find(lines, "insur")).containsExactly(
        new PageMatches.Match(0, 5, 10),
        // two wide characters and a space come first: five columns
        new PageMatches.Match(2, 5, 10));
    assertThat(PageMatches.find(lines, "cafe")).containsExactly(
        new PageMatches.Match(3, 2, 6),
        new PageMatches.Match(3, 10, 14));
  }

  @Test
  void findTextMatchesInsideWordsLikeLess() {
    List<Line> lines = List.of(line("esketamine and ketamine"), line("KETAMINE"));
    assertThat(PageMatches.findText(lines, "ketamine")).containsExactly(
        new PageMatches.Match(0, 2, 10), new PageMatches.Match(0, 15, 23), new PageMatches.Match(1, 0, 8));
    assertThat(PageMatches.find(lines, "ketamine")).containsExactly(
        new PageMatches.Match(0, 15, 23), new PageMatches.Match(1, 0, 8));
  }

  @Test
  void firstFromWrapsToTheTop() {
    List<PageMatches.Match> ms = List.of(new PageMatches.Match(2, 0, 1), new PageMatches.Match(9, 0, 1));
    assertThat(PageMatches.firstFrom(ms, 0)).isEqualTo(0);
    assertThat(PageMatches.firstFrom(ms, 3)).isEqualTo(1);
    assertThat(PageMatches.firstFrom(ms, 10)).isEqualTo(0);
    assertThat(PageMatches.firstFrom(List.of(), 0)).isEqualTo(-1);
    assertThat(PageMatches.find(ms.isEmpty() ? List.of() : List.of(line("x")), "")).isEmpty();
  }
}
