package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Display widths: clusters add up, splitting loses nothing, known widths hold. */
class CellsPropertiesTest {
  /** Whole grapheme clusters that cannot merge with a neighbour, with their display width. */
  private static final List<String> CLUSTERS = List.of(
      "a", "Z", " ", "-", "é", "e\u0301", "n\u0308\u0323", "漢", "字", "한", "ｱ", "Ａ", "🙂", "👍🏽", "👩\u200d⚕\ufe0f",
      "🇺🇸", "❤\ufe0f", "✔", "\u200b", "\u0301", "\u00a0", "ß", "Ω", "й", "\uFFFD", "␛");

  static List<String> clusters(Random r) {
    List<String> out = new ArrayList<>();
    int n = r.nextInt(41);
    for (int i = 0; i < n; i++) out.add(CLUSTERS.get(r.nextInt(CLUSTERS.size())));
    return out;
  }

  /** Any string: code points from every plane, lone surrogates and controls included. */
  static String anyString(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0 -> sb.append((char) r.nextInt(0x80));
        case 1 -> sb.append((char) (0xD800 + r.nextInt(0x800)));
        case 2 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
        default -> sb.append((char) r.nextInt(0x10000));
      }
    }
    return sb.toString();
  }

  @Test
  void widthOfAConcatenationIsTheSumOfItsClusters() {
    Props.check("cluster widths add up", 500, CellsPropertiesTest::clusters, clusters -> {
      String s = String.join("", clusters);
      int sum = 0;
      for (String c : Cells.clusters(s)) sum += Cells.clusterWidth(c);
      assertThat(Cells.width(s)).isEqualTo(sum);
      // a lone combining mark (U+0301) joins the cluster before it
      if (clusters.stream().noneMatch(c -> c.equals("\u0301"))) {
        assertThat(Cells.clusters(s)).containsExactlyElementsOf(clusters);
        assertThat(Cells.width(s)).isEqualTo(clusters.stream().mapToInt(Cells::width).sum());
      }
    });
  }

  @Test
  void clustersOfAnyStringJoinBackToIt() {
    Props.check("clusters join back", 500, CellsPropertiesTest::anyString, s -> {
      assertThat(String.join("", Cells.clusters(s))).isEqualTo(s);
      assertThat(Cells.width(s)).isBetween(0, 2 * s.codePointCount(0, s.length()));
    });
  }

  @Test
  void widthOfTwoStringsAddsUpWhenTheSecondStartsAFreshCluster() {
    Props.check("widths add up", 200, r -> new String[] {String.join("", clusters(r)), "x" + String.join("", clusters(r))},
        p -> assertThat(Cells.width(p[0] + p[1])).isEqualTo(Cells.width(p[0]) + Cells.width(p[1])));
  }

  @Test
  void knownWidths() {
    assertThat(Cells.width("abc")).isEqualTo(3);
    assertThat(Cells.width("漢字")).isEqualTo(4);
    assertThat(Cells.width("🙂")).isEqualTo(2);
    assertThat(Cells.width("👩\u200d⚕\ufe0f")).isEqualTo(2);
    assertThat(Cells.width("🇺🇸")).isEqualTo(2);
    assertThat(Cells.width("❤\ufe0f")).isEqualTo(2);
    assertThat(Cells.width("cafe\u0301")).isEqualTo(4);
    assertThat(Cells.width("a\u200bb")).isEqualTo(2);
    assertThat(Cells.width("\u001b")).isZero();
  }
}
