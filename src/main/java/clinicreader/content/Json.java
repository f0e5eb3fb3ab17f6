package clinicreader.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The project's JSON mapper for output: non-ASCII and control characters escaped. */
public final class Json {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);

  private Json() {}
}
