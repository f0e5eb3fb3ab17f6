package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Display widths: clusters add up, splitting loses nothing, known widths hold. */
class CellsPropertiesTest {
  /** Whole grapheme clusters that cannot merge with a neighbour, with their display width. */
  private static final List<String> CLUSTERS = List.of(
      "a", "Z", " ", "-", "é", "e\u0301", "n\u0308\u0323", "漢", "字", "한", "ｱ", "Ａ", "🙂", "👍🏽", "👩\u200d⚕\ufe0f",
      "🇺🇸", "❤\ufe0f", "✔", "\u200b", "\u0301", "\u00a0", "ß", "Ω", "й", "\uFFFD", "␛");

  @Provide
  Arbitrary<List<String>> clusterLists() {
    return Arbitraries.of(CLUSTERS).list().ofMaxSize(40);
  }

  @Property(tries = 500)
  void widthOfAConcatenationIsTheSumOfItsClusters(@ForAll("clusterLists") List<String> clusters) {
    // a lone combining mark (U+0301) joins the cluster before it, so compare with how Cells splits
    String s = String.join("", clusters);
    int sum = 0;
    for (String c : Cells.clusters(s)) sum += Cells.clusterWidth(c);
    assertThat(Cells.width(s)).isEqualTo(sum);
    if (clusters.stream().noneMatch(c -> c.equals("\u0301"))) {
      assertThat(Cells.clusters(s)).containsExactlyElementsOf(clusters);
      assertThat(Cells.width(s)).isEqualTo(clusters.stream().mapToInt(Cells::width).sum());
    }
  }

  @Property(tries = 500)
  void clustersOfAnyStringJoinBackToIt(@ForAll String s) {
    assertThat(String.join("", Cells.clusters(s))).isEqualTo(s);
    assertThat(Cells.width(s)).isBetween(0, 2 * s.codePointCount(0, s.length()));
  }

  @Property(tries = 200)
  void widthOfTwoStringsAddsUpWhenTheSecondStartsAFreshCluster(@ForAll("clusterLists") List<String> a,
      @ForAll("clusterLists") List<String> b) {
    String left = String.join("", a);
    String right = "x" + String.join("", b);
    assertThat(Cells.width(left + right)).isEqualTo(Cells.width(left) + Cells.width(right));
  }

  @Example
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
