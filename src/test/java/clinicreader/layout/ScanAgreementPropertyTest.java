package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The line scan used by {@code list} finds the same outline as the parse used by {@code render}. */
class ScanAgreementPropertyTest {

  @Provide
  Arbitrary<String> markdown() {
    return Arbitraries.randomValue(MarkdownSamples::document);
  }

  @Property(tries = 1000)
  void scanAgreesWithParse(@ForAll("markdown") String md) {
    assertThat(Outline.scan(md, 1)).as(md).isEqualTo(Outline.of(Markdown.parse(md), 1));
  }
}
