package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Decoding any bytes: never throws, never lets a raw control character through. */
class SourceTextPropertiesTest {

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> withBom = random.map(b -> {
      byte[] out = new byte[b.length + 2];
      out[0] = (byte) (b.length % 2 == 0 ? 0xFE : 0xFF);
      out[1] = (byte) (b.length % 2 == 0 ? 0xFF : 0xFE);
      System.arraycopy(b, 0, out, 2, b.length);
      return out;
    });
    Arbitrary<byte[]> mostlyText = Arbitraries.strings().withCharRange('\u0000', '\u00ff')
        .withChars("漢🙂\u202e\r\n\u0301").ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(random, withBom, mostlyText);
  }

  @Property(tries = 1000)
  void anyBytesDecodeToSafeText(@ForAll("bytes") byte[] bytes) {
    SourceText src = SourceText.decode(bytes);
    String text = src.text();
    text.codePoints().forEach(cp -> {
      assertThat(Text.isUnsafe(cp) && cp != '\t' && cp != '\n').as("U+%04X", cp).isFalse();
      assertThat(cp).isNotEqualTo('\r');
    });
    assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
    for (SourceText.Issue i : src.issues()) {
      assertThat(i.line()).isPositive();
      assertThat(i.column()).isPositive();
    }
  }

  @Property(tries = 300)
  void cleanLeavesNoUnsafeCharacter(@ForAll String s) {
    assertThat(Text.clean(s).codePoints().noneMatch(Text::isUnsafe)).isTrue();
    assertThat(Text.cleanLine(s).codePoints().noneMatch(cp -> Text.isUnsafe(cp) || cp == '\n' || cp == '\t')).isTrue();
  }

  @Example
  void repairsAreLocatedAndVisible() {
    byte[] bytes = "ok\r\nbad \u001b[31m and \u202e\n".getBytes(StandardCharsets.UTF_8);
    byte[] withInvalid = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, withInvalid, 0, bytes.length);
    withInvalid[bytes.length] = (byte) 0xC3;
    SourceText src = SourceText.decode(withInvalid);
    assertThat(src.text()).isEqualTo("ok\nbad \u241b[31m and \uFFFD\n\uFFFD");
    assertThat(src.issues()).extracting(i -> i.line() + ":" + i.column() + " " + i.kind())
        .containsExactly("2:5 CONTROL_CHARACTER", "2:15 BIDI_CONTROL", "3:1 INVALID_UTF8");
  }
}
