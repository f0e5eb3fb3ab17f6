package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import clinicreader.content.Text;
import clinicreader.testing.Props;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/**
 * For generated Markdown and widths 20..160: no line is wider than the width, no text is lost,
 * and no control character reaches the output.
 */
class LayoutPropertiesTest {
  private static final int TRIES = 400;

  /** A generated document and the width to lay it out at. */
  record Sample(String markdown, int width) {}

  static Sample sample(Random r) {
    return new Sample(MarkdownSamples.document(r), 20 + r.nextInt(141));
  }

  @Test
  void noLineIsWiderThanTheWidth() {
    Props.check("no line wider than the width", TRIES, LayoutPropertiesTest::sample, s -> {
      for (Line l : layout(s.markdown(), s.width()).lines()) {
        assertThat(l.width()).as("line %s", l.text()).isLessThanOrEqualTo(s.width());
        assertThat(Cells.width(l.text())).isEqualTo(l.width());
      }
    });
  }

  @Test
  void everyCharacterOfTheTextAppearsInOrder() {
    Props.check("no text lost", TRIES, LayoutPropertiesTest::sample, s -> {
      Node doc = Markdown.parse(s.markdown());
      StringBuilder flow = new StringBuilder();
      StringBuilder tables = new StringBuilder();
      doc.accept(new AbstractVisitor() {
        @Override
        public void visit(org.commonmark.node.Text t) {
          (inTable(t) ? tables : flow).append(Text.cleanLine(t.getLiteral()));
        }

        @Override
        public void visit(Code c) {
          (inTable(c) ? tables : flow).append(Text.cleanLine(c.getLiteral()));
        }
      });
      StringBuilder out = new StringBuilder();
      for (Line l : PageLayout.document(doc, Outline.of(doc, 1), s.width()).lines()) out.append(l.text());
      String output = compact(out.toString());
      // text outside tables keeps its order (wrapping and splitting only add white space)
      String expected = compact(flow.toString());
      assertThat(isSubsequence(expected, output)).as("in order:%n%s%nin:%n%s", expected, output).isTrue();
      // table cells may be laid out as records or wrapped side by side: count characters instead
      Map<Integer, Integer> have = counts(output);
      counts(compact(flow.toString() + tables)).forEach((cp, n) ->
          assertThat(have.getOrDefault(cp, 0)).as("count of U+%04X", cp).isGreaterThanOrEqualTo(n));
    });
  }

  @Test
  void noControlCharacterReachesAnySpan() {
    Props.check("no control characters", TRIES, LayoutPropertiesTest::sample, s -> {
      for (Line l : layout(s.markdown(), s.width()).lines()) {
        for (Span span : l.spans()) {
          span.text().codePoints().forEach(cp ->
              assertThat(isControl(cp)).as("U+%04X in %s", cp, span.text()).isFalse());
        }
      }
    });
  }

  @Test
  void theListScanFindsTheOutlineTheParseFinds() {
    Props.check("scan agrees with parse", 1000, MarkdownSamples::document, md ->
        assertThat(Outline.scan(md, 1)).isEqualTo(Outline.of(Markdown.parse(md), 1)));
  }

  private static Page layout(String md, int width) {
    Node doc = Markdown.parse(md);
    return PageLayout.document(doc, Outline.of(doc, 1), width);
  }

  static boolean isControl(int cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || Text.isBidiControl(cp) || cp == 0x2028 || cp == 0x2029;
  }

  private static boolean inTable(Node n) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) if (p instanceof TableBlock) return true;
    return false;
  }

  private static String compact(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static boolean isSubsequence(String needle, String hay) {
    int j = 0;
    for (int i = 0; i < needle.length() && j >= 0; i++) {
      j = hay.indexOf(needle.charAt(i), j);
      if (j >= 0) j++;
    }
    return j >= 0;
  }

  private static Map<Integer, Integer> counts(String s) {
    Map<Integer, Integer> m = new HashMap<>();
    s.codePoints().forEach(cp -> m.merge(cp, 1, Integer::sum));
    return m;
  }
}
