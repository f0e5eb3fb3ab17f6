package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The quick profile reading agrees with the full mapping, and leaves odd input to it. */
class ClinicLoaderQuickTest {
  private static final ObjectMapper FULL = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Test
  void sampleProfileReadsTheSameBothWays() throws Exception {
    String text = Files.readString(Path.of("articles", "clinic.json"));
    Clinic quick = ClinicLoader.quick(text);
    assertThat(quick).isNotNull();
    assertThat(quick).isEqualTo(FULL.readValue(text, Clinic.class));
    assertThat(quick.ctas()).isNotEmpty();
  }

  @Test
  void nullsMissingFieldsUnknownKeysAndControlCharactersMatch() throws Exception {
    String text = "{\"name\": null, \"phone\": \"555-0100\\u001b[31m\", \"hours\": [\"a\", null], \"extra\": {\"x\": 1},"
        + " \"booking\": null, \"ctas\": [null, {\"id\": \"c\", \"other\": [1]}], \"crisis\": \"\"}";
    Clinic quick = ClinicLoader.quick(text);
    assertThat(quick).isNotNull().isEqualTo(FULL.readValue(text, Clinic.class));
    assertThat(quick.phone()).doesNotContain("\u001b");
  }

  @Test
  void unusualValuesAreLeftToTheFullMapping() {
    assertThat(ClinicLoader.quick("{\"phone\": 5550100}")).isNull();
    assertThat(ClinicLoader.quick("{\"hours\": \"Mon\"}")).isNull();
    assertThat(ClinicLoader.quick("{\"booking\": []}")).isNull();
    assertThat(ClinicLoader.quick("[1, 2]")).isNull();
    assertThat(ClinicLoader.quick("{\"name\": ")).isNull();
  }
}
