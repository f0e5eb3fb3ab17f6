package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.junit.jupiter.api.Test;

/** The outline's anchors are the ones commonmark's heading-anchor generator makes. */
class AnchorsTest {
  private static final String CHARS = "aZ09 _-.,:;!?'\"()#é漢字한국어ÅİıŞ\u0301\u20dd\u0903\u0663\u203f\u200c\u200d\u00a0\t"
      + "\u2164\u00bd\u00b2\u3002\u2764\ufe0f\ud83d\ude42\ud835\udc00\ud801\udc00";

  @Test
  void anchorsAreTheGeneratorsOnAnyHeadings() {
    Props.check("anchors equal IdGenerator's", 2000, r -> {
      List<String> texts = new ArrayList<>();
      int n = 1 + r.nextInt(12);
      for (int i = 0; i < n; i++) {
        if (!texts.isEmpty() && r.nextInt(4) == 0) {
          // repeats, and texts that look like a repeat's anchor
          String earlier = texts.get(r.nextInt(texts.size()));
          texts.add(r.nextBoolean() ? earlier : earlier + " " + r.nextInt(3));
          continue;
        }
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(14);
        for (int k = 0; k < len; k++) {
          int at = r.nextInt(CHARS.length());
          char c = CHARS.charAt(at);
          if (Character.isHighSurrogate(c)) sb.append(CHARS, at, at + 2);
          else if (!Character.isLowSurrogate(c)) sb.append(c);
        }
        texts.add(sb.toString());
      }
      return texts;
    }, texts -> {
      IdGenerator expected = IdGenerator.builder().build();
      Outline.Anchors actual = new Outline.Anchors();
      for (String t : texts) assertThat(actual.generateId(t)).as(t).isEqualTo(expected.generateId(t));
    });
  }

  @Test
  void everyBmpCharacterIsKeptOrDroppedAsTheGeneratorDoes() {
    for (int cp = 0; cp < 0x10000; cp++) {
      if (Character.isSurrogate((char) cp)) continue;
      String s = "x" + (char) cp;
      assertThat(new Outline.Anchors().generateId(s)).as("U+%04X", cp)
          .isEqualTo(IdGenerator.builder().build().generateId(s));
    }
  }

  @Test
  void asciiHeadingsTakeTheQuickWayToTheSameAnchors() {
    String ascii = "aAzZiI09 _-.,:;!?'\"()#\t~`";
    Props.check("ASCII anchors equal IdGenerator's", 2000, r -> {
      StringBuilder sb = new StringBuilder();
      int len = r.nextInt(30);
      for (int k = 0; k < len; k++) sb.append(ascii.charAt(r.nextInt(ascii.length())));
      return sb.toString();
    }, text -> assertThat(new Outline.Anchors().generateId(text)).as(text)
        .isEqualTo(IdGenerator.builder().build().generateId(text)));
  }

  @Test
  void aCapitalILowerCasesAsTheDefaultLocaleDoes() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      for (String t : new String[] {"INDEX", "Is it safe?", "plain title"}) {
        assertThat(new Outline.Anchors().generateId(t)).as(t).isEqualTo(IdGenerator.builder().build().generateId(t));
      }
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
