package clinicreader.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The project's JSON mapper for output: non-ASCII and control characters escaped. */
public final class Json {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);

  private Json() {}

  /** {@code value} (maps, lists, strings, numbers, records) as indented JSON. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // plain maps and lists of strings and numbers always serialise
      throw new IllegalStateException(e);
    }
  }
}
