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

  private static final String[] PIECES = {
      "a", "Word", " ", "\"", "\\", "/", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u0001", "\u001b", "\u001f", "\u007f",
      "\u0080", "\u0085", "\u009f", "\u00a0", "\u00e9", "\u07ff", "\u0800", "\u2028", "\u2029", "\u202e", "\u2066",
      "\u6f22\u5b57", "\ud83d\ude00", "\ud83d\udc69\u200d\u2695\ufe0f", "\uffff", "\ufeff", "e\u0301", "<", "&", "'", "\ud800", "\udc00"};

  private static String text(java.util.Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) sb.append(PIECES[r.nextInt(PIECES.length)]);
    return sb.toString();
  }

  private static ArticleMeta meta(java.util.Random r) {
    List<String> tags = new java.util.ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) tags.add(text(r));
    List<clinicreader.content.Outline.Section> sections = new java.util.ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      sections.add(new clinicreader.content.Outline.Section(r.nextBoolean() ? "" + (1 + r.nextInt(30)) : "2.1",
          1 + r.nextInt(2), text(r), text(r), r.nextInt(100)));
    }
    clinicreader.content.FrontMatter front = new clinicreader.content.FrontMatter(
        r.nextInt(5) == 0 ? null : text(r), r.nextInt(5) == 0 ? null : java.time.LocalDate.of(2000 + r.nextInt(30), 1 + r.nextInt(12), 1),
        r.nextInt(4) == 0 ? null : text(r), r.nextInt(4) == 0 ? null : text(r), tags, List.of(), null, r.nextBoolean(),
        java.util.Map.of(), List.of());
    return new ArticleMeta(text(r) + "slug", Path.of("lib", "x" + r.nextInt(9) + ".md"), front, r.nextInt(5000),
        new clinicreader.content.Outline(sections));
  }

  /** The stored entries (written without the generator) are the generator's bytes, for any text. */
  @Test
  void storedEntriesAreTheGeneratorsBytes() {
    clinicreader.testing.Props.check("list entries", 500, r -> {
      List<ArticleMeta> items = new java.util.ArrayList<>();
      for (int i = 1 + r.nextInt(4); i > 0; i--) items.add(meta(r));
      return items;
    }, items -> {
      clinicreader.content.ListView view = ListCommand.entries(items);
      boolean lone = false;
      for (ArticleMeta a : items) {
        List<String> texts = new java.util.ArrayList<>(a.front().tags());
        texts.addAll(java.util.Arrays.asList(a.slug(), a.title(), a.front().author(), a.front().summary()));
        for (clinicreader.content.Outline.Section s : a.outline().sections()) texts.addAll(List.of(s.number(), s.title(), s.anchor()));
        for (String t : texts) lone |= !ListCommand.encodable(t);
      }
      if (lone) {
        // text the generator would refuse: the list is written the usual way
        assertThat(view).isNull();
        return;
      }
      String expected = viaWriter(items);
      assertThat(view).isNotNull();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ListCommand.print(view, true, true, out);
      assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected);
      StringWriter table = new StringWriter();
      PrintWriter pw = new PrintWriter(table);
      ListCommand.printTable(items, pw);
      pw.flush();
      out.reset();
      ListCommand.print(view, true, false, out);
      assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(table.toString());
    });
  }

  /** A list long enough to be written in two halves on two threads is the same bytes as one written whole. */
  @Test
  void aLongListWrittenInHalvesIsTheGeneratorsBytes() {
    java.util.Random r = new java.util.Random(42);
    List<ArticleMeta> items = new java.util.ArrayList<>();
    while (items.size() < 2101) {
      ArticleMeta m = meta(r);
      if (ListCommand.encodable(m.title()) && ListCommand.encodable(m.slug()) && ListCommand.encodable(m.front().author())
          && ListCommand.encodable(m.front().summary()) && m.front().tags().stream().allMatch(ListCommand::encodable)
          && m.outline().sections().stream().allMatch(s -> ListCommand.encodable(s.title()) && ListCommand.encodable(s.anchor()))) {
        items.add(m);
      }
    }
    clinicreader.content.ListView view = ListCommand.entries(items);
    assertThat(view).isNotNull();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ListCommand.print(view, true, true, out);
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(viaWriter(items));
    StringWriter table = new StringWriter();
    PrintWriter pw = new PrintWriter(table);
    ListCommand.printTable(items, pw);
    pw.flush();
    out.reset();
    ListCommand.print(view, false, false, out);
    StringWriter shown = new StringWriter();
    PrintWriter spw = new PrintWriter(shown);
    ListCommand.printTable(items.stream().filter(a -> !a.front().draft()).toList(), spw);
    spw.flush();
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(shown.toString());
  }
}
