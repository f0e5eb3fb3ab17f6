package clinicreader.state;

import clinicreader.content.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The JSON mapper for state files: instants as ISO-8601 text, unknown fields ignored. */
final class StateJson {
  private StateJson() {}

  static final ObjectMapper MAPPER = Json.MAPPER.copy()
      .registerModule(new SimpleModule("state-instants")
          .addSerializer(Instant.class, ToStringSerializer.instance)
          .addDeserializer(Instant.class, new InstantDeserializer()))
      // a newer version may add fields; this one keeps working with what it knows
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
      .configure(SerializationFeature.INDENT_OUTPUT, true)
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  /** Reads "2025-01-31T12:00:00Z"; anything else is an error at its location. */
  private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
      }
      String s = p.getText().trim();
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        return (Instant) ctx.handleWeirdStringValue(Instant.class, s, "not an ISO-8601 instant");
      }
    }
  }
}
