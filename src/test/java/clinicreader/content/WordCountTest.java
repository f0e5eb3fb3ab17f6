package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import org.junit.jupiter.api.Test;

/** The word count (reading time) agrees with its plain definition on any text. */
class WordCountTest {
  /** The definition: runs of non-space chars ({@link Character#isWhitespace}) holding a letter or digit. */
  private static int plain(String body) {
    int count = 0;
    boolean inWord = false;
    boolean hasAlnum = false;
    for (char c : body.toCharArray()) {
      if (Character.isWhitespace(c)) {
        if (inWord && hasAlnum) count++;
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        if (Character.isLetterOrDigit(c)) hasAlnum = true;
      }
    }
    if (inWord && hasAlnum) count++;
    return count;
  }

  private static final String SPACES = " \t\n\r\u000b\f\u3000\u00a0\u2007\u202f\u2028\u2029\u001c\u1680\u2000\u205f";

  @Test
  void agreesWithTheDefinition() {
    Props.check("word count", 20_000, r -> {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(80);
      for (int i = 0; i < n; i++) {
        switch (r.nextInt(6)) {
          case 0 -> sb.append((char) r.nextInt(0x10000));
          case 1 -> sb.append(SPACES.charAt(r.nextInt(SPACES.length())));
          case 2 -> sb.append((char) r.nextInt(0x80));
          case 3 -> sb.append((char) (0x80 + r.nextInt(0x600)));
          case 4 -> sb.append("a漢😀é-٣".charAt(r.nextInt(7)));
          default -> sb.append((char) (0x2000 + r.nextInt(0x100)));
        }
      }
      return sb.toString();
    }, s -> assertThat(ArticleMeta.countWords(s)).as("%s", s).isEqualTo(plain(s)));
  }

  @Test
  void everyCharIsOfItsKind() {
    for (int c = 0; c < 0x10000; c++) {
      String alone = String.valueOf((char) c);
      String between = "x" + (char) c + "-";
      assertThat(ArticleMeta.countWords(alone)).as("U+%04X", c).isEqualTo(plain(alone));
      assertThat(ArticleMeta.countWords(between)).as("U+%04X", c).isEqualTo(plain(between));
    }
  }

  @Test
  void countsLongBodiesAndEdges() {
    String big = "word ".repeat(50_000) + "漢字 😀 - 3";
    assertThat(ArticleMeta.countWords(big)).isEqualTo(50_002).isEqualTo(plain(big));
    assertThat(ArticleMeta.countWords("")).isZero();
    assertThat(ArticleMeta.countWords("- -- 😀 \u3000")).isZero();
    assertThat(ArticleMeta.countWords("a\u00a0b c")).isEqualTo(2);
  }
}
