package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import clinicreader.testing.Props;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/**
 * The streamed page ({@link PageLayout#write}) is the page {@link PageLayout#layout} holds, line
 * for line and block for block, also when its body is laid out in two parts at once; and the
 * link count that lets the later part number its links ahead agrees with the layout.
 */
class StreamedLayoutTest {

  record Case(String body, int width, int parallelBlocks) {}

  @Test
  void streamedPageEqualsHeldPage() {
    Props.check("streamed page", 400,
        r -> new Case(HostileMarkdown.document(r) + "\n\n" + HostileMarkdown.document(r), 20 + r.nextInt(120),
            r.nextBoolean() ? 1 : 1 + r.nextInt(6)),
        c -> {
          PageLayout.Input in = HostileMarkdownPropertyTest.input(c.body(), "Title");
          List<Line> held = PageLayout.layout(in, c.width(), Theme.dark()).lines();
          List<Line> streamed = new ArrayList<>();
          PageLayout.write(in, c.width(), streamed::add, c.parallelBlocks());
          assertThat(streamed).isEqualTo(held);
        });
  }

  @Test
  void streamedTextEqualsTheHeldPagesText() {
    Props.check("streamed text", 200,
        r -> new Case(HostileMarkdown.document(r) + "\n\n" + HostileMarkdown.document(r), 20 + r.nextInt(120),
            r.nextBoolean() ? 1 : 1 + r.nextInt(6)),
        c -> {
          PageLayout.Input in = HostileMarkdownPropertyTest.input(c.body(), "Title");
          List<Line> held = PageLayout.layout(in, c.width(), Theme.dark()).lines();
          for (LineWriter.Format f : LineWriter.Format.values()) {
            String expected = LineWriter.write(held, f, Theme.dark());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            LineWriter.Sink toBytes = LineWriter.Sink.of(bytes, f, Theme.dark());
            PageLayout.write(in, c.width(), toBytes, c.parallelBlocks());
            toBytes.finish();
            // a lone surrogate becomes '?', as the String encoder makes it
            assertThat(bytes.toByteArray()).as("bytes, %s", f)
                .isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.StringWriter chars = new java.io.StringWriter();
            LineWriter.Sink toChars = LineWriter.Sink.of(chars, f, Theme.dark());
            PageLayout.write(in, c.width(), toChars, c.parallelBlocks());
            toChars.finish();
            assertThat(chars.toString()).as("chars, %s", f).isEqualTo(expected);
          }
        });
  }

  @Test
  void linkCountAgreesWithTheLayout() {
    Props.check("links counted ahead", 500, r -> HostileMarkdown.document(r), body -> {
      Node doc = Markdown.parse(body);
      Outline outline = Outline.of(doc, 1);
      Page page = PageLayout.document(doc, outline, 80);
      BlockLayout counter = new BlockLayout(new LayoutWriter(80), doc, outline, new ArrayList<>());
      int counted = 0;
      for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) counted += counter.linksIn(n);
      assertThat(counted).isEqualTo(page.links().size());
    });
  }

  @Test
  void linksAreCountedInEveryKindOfBlock() {
    String body = "Text [a](https://example.org/a) and ![img](https://example.org/i.png).\n\n"
        + "## 1. Section [not numbered](https://example.org/s)\n\n"
        + "> quoted [b](https://example.org/b)\n\n"
        + "- item [c](https://example.org/c)\n  - nested [d](https://example.org/d)\n\n"
        + "| h [e](https://example.org/e) | x |\n|---|---|\n| [f](https://example.org/f) | <https://example.org/g> |\n\n"
        + "```\n[not](https://example.org/code)\n```\n\n"
        + "[![inner](https://example.org/p.png)](https://example.org/outer)\n";
    Node doc = Markdown.parse(body);
    Outline outline = Outline.of(doc, 1);
    BlockLayout counter = new BlockLayout(new LayoutWriter(80), doc, outline, new ArrayList<>());
    int counted = 0;
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) counted += counter.linksIn(n);
    assertThat(counted).isEqualTo(10).isEqualTo(PageLayout.document(doc, outline, 80).links().size());
  }
}
