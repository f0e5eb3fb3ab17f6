package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Words wider than the line: web addresses break after a separator, other words anywhere. */
class LongWordTest {
  private static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    for (Line l : TextWrap.wrap(text, Style.PLAIN, width)) out.add(l.text());
    return out;
  }

  @Test
  void anAddressBreaksAfterTheLastSlashThatFits() {
    assertThat(wrap("See https://www.example.org/patient-education/ketamine/what-to-expect today", 30))
        .containsExactly("See", "https://www.example.org/", "patient-education/ketamine/", "what-to-expect today");
  }

  @Test
  void aHyphenatedCompoundBreaksAfterAHyphen() {
    assertThat(wrap("treatment-resistant-depression", 14))
        .containsExactly("treatment-", "resistant-", "depression");
  }

  @Test
  void aSeparatorEarlyInTheLineIsNotUsedSoNoLineIsLeftNearlyEmpty() {
    // the only '/' that fits is in the first half of the line: the word is cut at the width
    assertThat(wrap("ab/cdefghijklmnopqrstuvwxyz", 10))
        .containsExactly("ab/cdefghi", "jklmnopqrs", "tuvwxyz");
  }

  @Test
  void aWordWithNoSeparatorIsCutAtTheWidth() {
    assertThat(wrap("abcdefghijklmnopqrstuvwxyz", 10)).containsExactly("abcdefghij", "klmnopqrst", "uvwxyz");
  }

  @Test
  void textAfterTheLastPieceGoesOnItsLine() {
    assertThat(wrap("x https://example.org/aaaaaaaaaa/bbbbbbbbbb/ccccc and more", 24))
        .containsExactly("x", "https://example.org/", "aaaaaaaaaa/bbbbbbbbbb/", "ccccc and more");
  }

  /** A generated long word of letters and separators, and a width narrower than it. */
  record Sample(String word, int width) {}

  @Test
  void everyPieceFitsNothingIsLostAndAPieceEndsAtASeparatorOrTheWidth() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789/-?&=#._~,;:+";
    Props.check("long words", 500, r -> {
      int width = 4 + r.nextInt(60);
      StringBuilder w = new StringBuilder();
      int n = width + 1 + r.nextInt(4 * width);
      for (int i = 0; i < n; i++) {
        w.append(r.nextInt(4) == 0 ? alphabet.charAt(26 + 10 + r.nextInt(13)) : alphabet.charAt(r.nextInt(36)));
      }
      return new Sample(w.toString(), width);
    }, s -> {
      List<String> lines = wrap(s.word(), s.width());
      assertThat(String.join("", lines)).isEqualTo(s.word());
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        assertThat(l.length()).isBetween(1, s.width());
        if (i < lines.size() - 1) {
          char last = l.charAt(l.length() - 1);
          boolean atSeparator = "/-?&=#._~,;:+".indexOf(last) >= 0 && l.length() * 2 >= s.width();
          assertThat(atSeparator || l.length() == s.width()).as("piece %s of %s", l, lines).isTrue();
        }
      }
    });
  }

  @Test
  void aLongWordOfWideCharactersFitsAndLosesNothing() {
    Random r = new Random(7);
    String[] parts = {"\uD83D\uDE42", "a", "/", "-"}; // an emoji takes two cells and joins the word
    for (int t = 0; t < 300; t++) {
      int width = 2 + r.nextInt(30);
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < 3 * width; i++) w.append(parts[r.nextInt(parts.length)]);
      List<Line> lines = TextWrap.wrap(w.toString(), Style.PLAIN, width);
      StringBuilder joined = new StringBuilder();
      for (Line l : lines) {
        assertThat(l.width()).as("%s at %d", l.text(), width).isLessThanOrEqualTo(width);
        joined.append(l.text());
      }
      assertThat(joined.toString()).isEqualTo(w.toString());
    }
  }
}
