package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list --json} written as UTF-8 bytes is the same text as through the character writer. */
class ListJsonBytesTest {
  @TempDir Path dir;

  private static String viaWriter(List<ArticleMeta> items) {
    StringWriter w = new StringWriter();
    PrintWriter pw = new PrintWriter(w);
    ListCommand.writeJson(items, pw);
    pw.println();
    pw.flush();
    return w.toString();
  }

  private static byte[] viaBytes(List<ArticleMeta> items, String before) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StdOut out = new StdOut(bytes);
    out.print(before);
    if (!ListCommand.writeUtf8(items, out)) {
      ListCommand.writeJson(items, out);
      out.println();
    }
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void bundledArticlesAreTheSameBytes() throws Exception {
    List<ArticleMeta> items = Library.open(Path.of("articles"), 1 << 20).visible(true);
    assertThat(items).hasSizeGreaterThan(3);
    String expected = viaWriter(items);
    assertThat(expected).contains("\"sections\"");
    // text written as characters before the bytes comes first, in order
    assertThat(viaBytes(items, "before\n")).isEqualTo(("before\n" + expected).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void escapesAndNonAsciiAreTheSameBytes() throws Exception {
    Path root = dir.resolve("lib");
    Files.createDirectories(root);
    Files.writeString(root.resolve("a.md"), "---\ntitle: \"Quote \\\" back\\\\slash tab\\t 漢字 😀 é\"\n"
        + "date: 2025-01-02\ntags: [\"ü\", b]\nsummary: \"line\\u0001 \\u2028 end\"\n---\n## Ω heading 漢\n\ntext\n",
        StandardCharsets.UTF_8);
    List<ArticleMeta> items = Library.open(root, 1 << 20).visible(true);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).title()).contains("漢字 😀");
    assertThat(viaBytes(items, "")).isEqualTo(viaWriter(items).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void loneSurrogateFallsBackToTheCharacterWriter() throws Exception {
    Path root = dir.resolve("lone");
    Files.createDirectories(root);
    Files.writeString(root.resolve("a.md"), "---\ntitle: \"half \\uD83D pair\"\ndate: 2025-01-02\n---\nBody\n",
        StandardCharsets.UTF_8);
    List<ArticleMeta> items = Library.open(root, 1 << 20).visible(true);
    assertThat(items.get(0).title()).contains("\uD83D");
    assertThat(ListCommand.encodable(items.get(0).title())).isFalse();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThat(ListCommand.writeUtf8(items, new StdOut(bytes))).isFalse();
    assertThat(bytes.size()).isZero();
    assertThat(new String(viaBytes(items, ""), StandardCharsets.UTF_8)).contains("\"title\" : \"half ? pair\"");
  }

  @Test
  void surrogatePairsAreEncodable() {
    assertThat(ListCommand.encodable("a 😀 b")).isTrue();
    assertThat(ListCommand.encodable(null)).isTrue();
    assertThat(ListCommand.encodable("\uDE00x")).isFalse();
    assertThat(ListCommand.encodable("x\uD83D")).isFalse();
  }
}
