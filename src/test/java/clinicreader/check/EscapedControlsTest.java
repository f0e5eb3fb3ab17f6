package clinicreader.check;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control and bidi characters the raw bytes do not show: spelled as YAML, JSON or HTML escapes,
 * hidden in a file name, or a broken UTF-16 sequence. Check must name each one with its place.
 */
class EscapedControlsTest {
  @TempDir Path dir;

  private List<String> findings() throws Exception {
    CheckReport r = ContentCheck.run(dir, List.of(), new ContentCheck.Options(false, 8 << 20));
    return r.problems().stream().filter(p -> "encoding".equals(p.rule())).map(Problem::full).toList();
  }

  private static final String CLINIC = "{\"name\": \"Example Clinic\", \"phone\": \"555-0100\"}";

  @Test
  void yamlEscapesInFrontMatterAreReportedOnTheirLine() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CLINIC);
    Files.writeString(dir.resolve("a.md"), "---\ntitle: \"Hi \\e]0;pwned\\a x\"\ndate: 2024-05-01\n"
        + "summary: 'plain \\e is literal here'\nauthor: \"\\u202Eevil \\x9b \\\\e not one\"\n---\nBody \\e not yaml.\n");
    assertThat(findings()).anySatisfy(f -> assertThat(f).contains("a.md:2:12: error: control character U+001B written as \\e"))
        .anySatisfy(f -> assertThat(f).contains("a.md:2:22: error: control character U+0007 written as \\a"))
        .anySatisfy(f -> assertThat(f).contains("a.md:5:10: error: bidirectional control character U+202E written as \\u202E"))
        .anySatisfy(f -> assertThat(f).contains("a.md:5:21: error: control character U+009B written as \\x9b"))
        .hasSize(4);
  }

  @Test
  void numericReferencesInTheBodyAreReported() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CLINIC);
    Files.writeString(dir.resolve("a.md"), "---\ntitle: T\ndate: 2024-05-01\n---\nx &#27;[2J &#x9B; &#x202e; &#0; &amp; &#65;\n");
    assertThat(findings()).containsExactly(
        dir.resolve("a.md") + ":5:3: error: control character U+001B written as &#27;; delete it [encoding]",
        dir.resolve("a.md") + ":5:12: error: control character U+009B written as &#x9B;; delete it [encoding]",
        dir.resolve("a.md") + ":5:19: error: bidirectional control character U+202E written as &#x202e;; delete it [encoding]");
  }

  /** In code a reference is shown as written, so it is not reported there; beside the code it is. */
  @Test
  void referencesInCodeAreNotReported() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CLINIC);
    Files.writeString(dir.resolve("a.md"), "---\ntitle: T\ndate: 2024-05-01\n---\n"
        + "Type `&#27;[2J` or ``a ` &#27; b`` to clear; \\`&#27;\n\n"
        + "```\nprintf '&#27;'\n```\n\n    &#x9B; in indented code\n\nAfter `x` &#x202e;\n");
    assertThat(findings()).containsExactly(
        dir.resolve("a.md") + ":5:48: error: control character U+001B written as &#27;; delete it [encoding]",
        dir.resolve("a.md") + ":13:11: error: bidirectional control character U+202E written as &#x202e;; delete it [encoding]");
    assertThat(EscapedControls.inCodeSpan("a `b` c", 3)).isTrue();
    assertThat(EscapedControls.inCodeSpan("a `b` c", 6)).isFalse();
    assertThat(EscapedControls.inCodeSpan("a ``b` c", 5)).isFalse();
  }

  @Test
  void jsonEscapesInClinicJsonAreReported() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), "{\"name\": \"Clinic \\u001b]0;x\\u0007\",\n \"phone\": \"555-0100\\\\u001b\"}");
    assertThat(findings()).containsExactly(
        dir.resolve("clinic.json") + ":1:18: error: control character U+001B written as \\u001b; delete it [encoding]",
        dir.resolve("clinic.json") + ":1:28: error: control character U+0007 written as \\u0007; delete it [encoding]");
  }

  @Test
  void controlCharactersInFileNamesAreReported() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CLINIC);
    Files.writeString(dir.resolve("x\u001b]0;t\u0007.md"), "---\ntitle: T\ndate: 2024-05-01\n---\nBody.\n");
    Files.writeString(dir.resolve("two\nlines.md"), "---\ntitle: U\ndate: 2024-05-01\n---\nBody.\n");
    assertThat(findings()).containsExactlyInAnyOrder(
        dir.resolve("x\u241b]0;t\u2407.md") + ": error: file name has control character U+001B; rename the file [encoding]",
        dir.resolve("two lines.md") + ": error: file name has control character U+000A; rename the file [encoding]");
  }

  @Test
  void brokenUtf16IsReported() throws Exception {
    Files.writeString(dir.resolve("clinic.json"), CLINIC);
    byte[] text = "---\ntitle: T\ndate: 2024-05-01\n---\nBody ".getBytes(StandardCharsets.UTF_16LE);
    byte[] file = new byte[2 + text.length + 5];
    file[0] = (byte) 0xFF;
    file[1] = (byte) 0xFE;
    System.arraycopy(text, 0, file, 2, text.length);
    byte[] tail = {0x00, (byte) 0xD8, 0x41, 0x00, 0x42};
    System.arraycopy(tail, 0, file, 2 + text.length, tail.length);
    Files.write(dir.resolve("a.md"), file);
    assertThat(findings()).anySatisfy(f -> assertThat(f).contains("a.md:5:6: error: invalid UTF-16 bytes; save the file as UTF-8"));
  }
}
