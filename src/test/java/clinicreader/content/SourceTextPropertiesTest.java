package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding any bytes: never throws, never lets a raw control character through. */
class SourceTextPropertiesTest {
  private static final String TEXTY = "abc xyz\r\n\t#*-漢🙂\u202e\u0301\u001b\u0000\u00e9";

  /** Random bytes, bytes after a UTF-16 byte-order mark, or mostly-text UTF-8. */
  static byte[] bytes(Random r) {
    int kind = r.nextInt(3);
    if (kind == 2) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(200);
      for (int i = 0; i < n; i++) {
        sb.appendCodePoint(r.nextBoolean() ? TEXTY.codePointAt(TEXTY.offsetByCodePoints(0,
            r.nextInt(TEXTY.codePointCount(0, TEXTY.length())))) : r.nextInt(0x100));
      }
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    byte[] b = new byte[r.nextInt(300)];
    r.nextBytes(b);
    if (kind == 1 && b.length >= 2) {
      b[0] = (byte) (r.nextBoolean() ? 0xFE : 0xFF);
      b[1] = (byte) (b[0] == (byte) 0xFE ? 0xFF : 0xFE);
    }
    return b;
  }

  @Test
  void anyBytesDecodeToSafeText() {
    Props.check("decoding is safe", 1000, SourceTextPropertiesTest::bytes, bytes -> {
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
    });
  }

  @Test
  void cleanLeavesNoUnsafeCharacter() {
    Props.check("clean is safe", 300, r -> {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int i = 0; i < n; i++) sb.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x100) : r.nextInt(0x10000)));
      return sb.toString();
    }, s -> {
      assertThat(Text.clean(s).codePoints().noneMatch(Text::isUnsafe)).isTrue();
      assertThat(Text.cleanLine(s).codePoints().noneMatch(cp -> Text.isUnsafe(cp) || cp == '\n' || cp == '\t'))
          .isTrue();
    });
  }

  @Test
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
