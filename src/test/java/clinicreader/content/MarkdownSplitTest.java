package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.util.List;
import java.util.Random;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * A long body parsed in two halves at once is the tree the whole body parses to: the same
 * blocks, inlines and source positions, cut at every place {@link Markdown#splitPoint} accepts.
 */
class MarkdownSplitTest {
  private static final String[] WORDS = {"dose", "clinic", "the", "*visit*", "**care**", "`code`", "漢字",
      "<https://example.org/a>", "[link](https://example.org/b)", "![img](https://example.org/c.png)", "[1]",
      "~~old~~", "❤\ufe0f", "#tag", "a_b", "5.", "-", ">", "|"};

  @Test
  void splitParsesLikeTheWhole() {
    Props.check("split parse", 300, MarkdownSplitTest::document, body -> {
      String whole = dump(Markdown.parse(body));
      int tried = 0;
      for (int at = body.indexOf("\n\n#"); at >= 0; at = body.indexOf("\n\n#", at + 1)) {
        int h = at + 2;
        if (!(body.startsWith("# ", h) || body.startsWith("## ", h))) continue;
        tried++;
        assertThat(dump(Markdown.parseInTwo(body, h))).as("cut at %d", h).isEqualTo(whole);
      }
      int split = Markdown.splitPoint(body);
      if (split >= 0) assertThat(dump(Markdown.parseInTwo(body, split))).isEqualTo(whole);
      assertThat(tried).isPositive();
    });
  }

  @Test
  void partsParseLikeTheWhole() {
    Props.check("parts", 300, r -> new Object[] {document(r), 1 + r.nextInt(120)}, c -> {
      String body = (String) c[0];
      Markdown.Parts parts = Markdown.parts(body, (Integer) c[1]);
      if (parts == null) return;
      // the parts' blocks, in order under one document, with the positions they had in the whole
      Node joined = new org.commonmark.node.Document();
      List<org.commonmark.node.SourceSpan> spans = new java.util.ArrayList<>();
      int count = 0;
      while (parts.hasNext()) {
        Node part = parts.next();
        count++;
        spans.addAll(part.getSourceSpans());
        for (Node n = part.getFirstChild(); n != null; ) {
          Node next = n.getNext();
          joined.appendChild(n);
          n = next;
        }
      }
      assertThat(count).isEqualTo(parts.count()).isGreaterThan(1);
      Node whole = Markdown.parse(body);
      joined.setSourceSpans(whole.getSourceSpans());
      assertThat(dump(joined)).isEqualTo(dump(whole));
    });
  }

  @Test
  void partsOnlyWhereTheBodyMayBeCut() {
    String sections = "## 1. A\n\ntext\n\n## 2. B\n\ntext\n\n## 3. C\n\ntext\n";
    assertThat(Markdown.parts(sections, 1).count()).isEqualTo(3);
    assertThat(Markdown.parts(sections, 14).count()).isEqualTo(2);
    assertThat(Markdown.parts(sections + "\n[x]: https://example.org/x\n", 1)).isNull();
    assertThat(Markdown.parts("```\n" + sections + "```\n", 1)).isNull();
    assertThat(Markdown.parts("<div>\n\n" + sections, 1)).isNull();
    // too short to be worth parts, and no cut at all
    assertThat(Markdown.parts(sections)).isNull();
    String many = sections.repeat(20_000);
    Markdown.Parts cut = Markdown.parts(many);
    assertThat(cut).isNotNull();
    assertThat(cut.cut()).isTrue();
    assertThat(cut.count()).isBetween(many.length() / (1 << 15), many.length() / (1 << 14) + 1);
    cut.close();
    Markdown.Parts notCut = Markdown.parts(many + "\n```\ncode\n```\n");
    assertThat(notCut.cut()).isFalse();
    notCut.close();
    assertThat(Markdown.parts("text\n## heading\n", 1)).isNull();
  }

  @Test
  void noSplitWhereABlockCouldReachAcross() {
    String sections = "## 1. A\n\ntext\n\n## 2. B\n\ntext\n\n## 3. C\n\ntext\n";
    assertThat(Markdown.splitPoint(sections)).isPositive();
    assertThat(Markdown.splitPoint(sections + "\n[x]: https://example.org/x\n")).isEqualTo(-1);
    assertThat(Markdown.splitPoint("```\n" + sections + "```\n")).isEqualTo(-1);
    assertThat(Markdown.splitPoint("<!--\n" + sections + "-->\n")).isEqualTo(-1);
    assertThat(Markdown.splitPoint("~~~\n" + sections + "~~~\n")).isEqualTo(-1);
    // the marks count after indentation, at the very start, and on any line; inside a line they do not
    assertThat(Markdown.splitPoint(sections + "\n  \t<div>\n")).isEqualTo(-1);
    assertThat(Markdown.splitPoint("<p>\n\n" + sections)).isEqualTo(-1);
    assertThat(Markdown.splitPoint(sections.replace("text\n\n## 3", "text\n   ```\n\n## 3"))).isEqualTo(-1);
    assertThat(Markdown.splitPoint(sections.replace("text", "a <b> and ``` and ~~~ inside"))).isPositive();
  }

  /** Sections of paragraphs, lists (tight, loose, nested), quotes with lazy lines, tables and code. */
  static String document(Random r) {
    StringBuilder sb = new StringBuilder();
    int sections = 2 + r.nextInt(6);
    for (int s = 0; s < sections; s++) {
      if (s > 0 || r.nextBoolean()) sb.append(r.nextBoolean() ? "## " : "# ").append(s + 1).append(". ").append(words(r, 3)).append("\n\n");
      for (int b = r.nextInt(5); b >= 0; b--) {
        switch (r.nextInt(9)) {
          case 0 -> sb.append(words(r, 12)).append('\n').append(words(r, 5)).append('\n');
          case 1 -> {
            boolean loose = r.nextBoolean();
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
              sb.append(r.nextBoolean() ? "- " : "1. ").append(words(r, 6)).append('\n');
              if (r.nextInt(3) == 0) sb.append("  - ").append(words(r, 4)).append('\n');
              if (loose) sb.append('\n');
            }
          }
          case 2 -> sb.append("> ").append(words(r, 8)).append('\n').append(words(r, 4)).append('\n');
          case 3 -> sb.append("| a | b |\n|---|:-:|\n| ").append(words(r, 2)).append(" | ").append(words(r, 2)).append(" |\n");
          case 4 -> sb.append("    indented code\n    more\n");
          case 5 -> sb.append("### ").append(words(r, 3)).append('\n');
          case 6 -> sb.append(words(r, 4)).append("\n---\n");
          case 7 -> sb.append(words(r, 5)).append("  \n").append(words(r, 3)).append('\n');
          default -> sb.append("- ").append(words(r, 3)).append("\n\n    ").append(words(r, 3)).append('\n');
        }
        if (r.nextInt(6) > 0) sb.append('\n');
      }
      if (r.nextInt(8) == 0) sb.append('\n');
    }
    // a heading right after text (no blank line) is no cut point
    sb.append(words(r, 3)).append("\n## last\n\n").append(words(r, 3)).append("\n\n## end\n\n- ").append(words(r, 3)).append('\n');
    if (r.nextInt(4) == 0) sb.insert(0, "\n\n## first\n\n");
    return sb.toString();
  }

  private static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(' ');
      sb.append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** Every node's kind and source positions, then the HTML of the whole tree. */
  static String dump(Node doc) {
    StringBuilder sb = new StringBuilder();
    dump(doc, 0, sb);
    return sb.append(HtmlRenderer.builder().build().render(doc)).toString();
  }

  private static void dump(Node n, int depth, StringBuilder sb) {
    sb.append("  ".repeat(depth)).append(n.getClass().getSimpleName()).append(' ').append(n.getSourceSpans())
        .append(n instanceof org.commonmark.node.ListBlock l ? " tight=" + l.isTight() : "").append('\n');
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) dump(c, depth + 1, sb);
  }
}
