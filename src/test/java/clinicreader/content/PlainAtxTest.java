package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/** A plain ATX heading's text, found without the parser, is what the parsed heading holds. */
class PlainAtxTest {
  private static final String[] PIECES = {"a", "Z", "9", " ", "  ", "\t", "#", "##", ".", ",", "-", "(", ")", "'", "\"",
      "?", "%", "+", "=", "/", ";", "漢", "é", "😀", "*", "_", "`", "[", "]", "<", ">", "&amp;", "\\", "~~", "!",
      "www.example.org", ":", "@", "\u00a0", "\u2003", "\u0007", "3.", "1)"};

  @Test
  void agreesWithTheParser() {
    Props.check("plain ATX heading", 20_000, r -> {
      int level = 1 + r.nextInt(3);
      StringBuilder sb = new StringBuilder("#".repeat(level));
      if (r.nextInt(8) != 0) sb.append(r.nextBoolean() ? " " : "\t");
      int n = r.nextInt(8);
      for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
      return sb.toString();
    }, t -> {
      int level = 0;
      while (level < t.length() && t.charAt(level) == '#') level++;
      String fast = Outline.plainAtx(t, level);
      Node doc = Markdown.parse(t);
      if (fast != null && doc.getFirstChild() instanceof Heading h && h.getLevel() == level) {
        assertThat(fast).as("%s", t).isEqualTo(Outline.plainText(h));
      } else if (fast != null) {
        // not a heading of that level at all: the scan asks only of lines that are
        assertThat(t.length() > level && t.charAt(level) != ' ' && t.charAt(level) != '\t').as("%s", t).isTrue();
      }
    });
  }

  @Test
  void plainHeadingsNeedNoParser() {
    assertThat(Outline.plainAtx("## 2. Question reading plan", 2)).isEqualTo("2. Question reading plan");
    assertThat(Outline.plainAtx("# Title ##  ", 1)).isEqualTo("Title");
    assertThat(Outline.plainAtx("# Title#", 1)).isEqualTo("Title#");
    assertThat(Outline.plainAtx("### ###", 3)).isEmpty();
    assertThat(Outline.plainAtx("## 漢字 heading", 2)).isEqualTo("漢字 heading");
    assertThat(Outline.plainAtx("## *bold*", 2)).isNull();
    assertThat(Outline.plainAtx("## a & b", 2)).isNull();
  }
}
