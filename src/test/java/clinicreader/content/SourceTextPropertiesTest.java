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

  /** Characters around the NFC and validity edges: combining marks, jamo, composites, surrogates. */
  private static final String EDGES = "aA \n\t.e\u00e9\u0301\u0300\u0327\u0345\u0340\u0374\u037e\u1100\u1161\u11a8"
      + "\uac00\uac01\u3099\u304b\u6f22\u2126\u212b\u00c5\u0041\u030a\u0f73\u0915\u093c\u1e0a\u0323"
      + "\ufb1d\uf900\u2764\ufe0f\u200d\u202e\u2028\u0085\u009b\u007f\r\u001b\ufffd\ud83d\ude42";

  @Test
  void quickDecodeAgreesWithTheCarefulOne() {
    Props.check("plain UTF-8 decodes as the careful decoder does", 3000, r -> {
      if (r.nextInt(4) == 0) return bytes(r);
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(10) == 0) sb.append('\uFEFF');
      int n = r.nextInt(60);
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(EDGES.length());
        if (Character.isHighSurrogate(EDGES.charAt(k)) && k + 1 < EDGES.length()) sb.append(EDGES, k, k + 2);
        else if (!Character.isSurrogate(EDGES.charAt(k))) sb.append(EDGES.charAt(k));
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      // now and then a broken sequence: a byte cut, a lone continuation, an overlong form
      if (b.length > 0 && r.nextInt(8) == 0) b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
      if (r.nextInt(12) == 0) b = concat(b, new byte[] {(byte) 0xC0, (byte) 0xAF});
      if (r.nextInt(12) == 0) b = concat(b, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
      if (r.nextInt(12) == 0) b = concat(b, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
      return b;
    }, b -> {
      SourceText quick = SourceText.plainUtf8(b);
      if (quick != null) assertThat(quick).isEqualTo(SourceText.careful(b));
      assertThat(SourceText.decode(b)).isEqualTo(SourceText.careful(b));
    });
  }

  @Test
  void quickDecodeTakesOrdinaryText() {
    String text = "# Title\n\nCaf\u00e9 na\u00efve \u6f22\u5b57 \uac74\uac15 \u2764\ufe0f \ud83d\ude42 \u0915\u093f \u00c5\n";
    SourceText quick = SourceText.plainUtf8(text.getBytes(StandardCharsets.UTF_8));
    assertThat(quick).isNotNull();
    assertThat(quick.text()).isEqualTo(text);
    // decomposed text is left to the careful way, which composes it
    assertThat(SourceText.plainUtf8("e\u0301".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(SourceText.decode("e\u0301".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("\u00e9");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
