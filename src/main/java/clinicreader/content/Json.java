package clinicreader.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's JSON mapper for output. Text stays readable (non-ASCII is not escaped), but
 * every character a terminal could act on is written as a {@code \}{@code uXXXX} escape: C0
 * controls (as JSON requires), and also DEL, C1 controls, bidi controls and the line/paragraph
 * separators, which JSON would otherwise let through raw (file names, for one, are not cleaned).
 */
public final class Json {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);

  static {
    MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
  }

  private Json() {}

  /**
   * Streaming output without the mapper: a class of its own, so that using it does not make
   * {@link #MAPPER} (a command that only streams JSON out need not load the data binding).
   */
  public static final class Streaming {
    private Streaming() {}

    /**
     * A factory of generators that write UTF-8 bytes with the same escapes as {@link #MAPPER},
     * and a character outside the BMP as itself rather than as two escapes.
     */
    public static com.fasterxml.jackson.core.JsonFactory utf8Factory() {
      com.fasterxml.jackson.core.JsonFactory f = com.fasterxml.jackson.core.JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
      f.setCharacterEscapes(new TerminalSafeEscapes());
      return f;
    }
  }

  /** Escapes {@link Text#isUnsafe} characters beyond what JSON itself requires. */
  static final class TerminalSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    TerminalSafeEscapes() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7F] = CharacterEscapes.ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return Text.isUnsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
