package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.SourceText;
import clinicreader.testing.Props;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw check on bytes that are not valid UTF-8: never a crash, never a missed match. */
class RawFilterInvalidBytesTest {

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) o.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      else for (int b : (int[]) p) o.write(b);
    }
    return o.toByteArray();
  }

  @Test
  void leadBytesBeyondUnicodeAndSurrogatesDoNotCrash() {
    // F8 and F4 90 decode past U+10FFFF, ED A0 80 is a surrogate; é sends the file to folding
    byte[] file = bytes("caf\u00e9 ", new int[] {0xF8, 0x88, 0x80, 0x80, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xED, 0xA0,
        0x80, 0xFF, 0xC0, 0x80}, " end");
    assertThat(RawFilter.mayMatch(file, LibraryScan.asciiWords(Query.parse("cafe end")))).isTrue();
    assertThat(RawFilter.mayMatch(file, LibraryScan.asciiWords(Query.parse("cafe zebra")))).isFalse();
  }

  @Test
  void aWordRightAfterABrokenLeadByteIsStillSeen() {
    // C3 then 'w': the decoder gives U+FFFD then "word"; the word must not be swallowed
    byte[] file = bytes("caf\u00e9 ", new int[] {0xC3}, "word ", new int[] {0xE2, 0x82}, "next");
    assertThat(RawFilter.mayMatch(file, LibraryScan.asciiWords(Query.parse("cafe word")))).isTrue();
    assertThat(RawFilter.mayMatch(file, LibraryScan.asciiWords(Query.parse("cafe next")))).isTrue();
  }

  @Test
  void randomBytesNeverCrashAndNeverHideAMatch() {
    String[] words = {"cafe", "word", "ab", "e"};
    Props.check("raw filter on random bytes", 3000, r -> {
      byte[] b = new byte[r.nextInt(40)];
      r.nextBytes(b);
      return bytes("caf\u00e9 ", toInts(b), " word ", toInts(b));
    }, file -> {
      String text = SourceText.decode(file).text();
      for (String w : words) {
        Query q = Query.parse(w);
        Doc doc = new Doc("x", Path.of("x.md"), "", null, false, List.of(), "");
        boolean exact = LibraryScan.match(doc, text, q) != null;
        boolean may = RawFilter.mayMatch(file, LibraryScan.asciiWords(q));
        if (exact) assertThat(may).as("query %s", w).isTrue();
      }
    });
  }

  private static int[] toInts(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[i] & 0xFF;
    return out;
  }
}
