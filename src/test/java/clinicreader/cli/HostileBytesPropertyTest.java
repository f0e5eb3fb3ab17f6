package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Cells;
import clinicreader.testing.Props;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random bytes as an article file, through {@code render} (plain and coloured) and
 * {@code list --json}: no exception escapes, the exit code is 0 or 1, no character a terminal
 * could act on is printed, and no rendered line is wider than the width. The bytes lean
 * towards what matters: front matter, BOMs, escape sequences, C1 and bidi encodings, broken
 * UTF-8 and Markdown punctuation.
 */
class HostileBytesPropertyTest {
  private static Path dir;
  private static final byte[][] PREFIXES = {
      {}, utf8("---\ntitle: T\ndate: 2024-05-01\n---\n"), utf8("\ufeff---\ntitle: "), {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
      {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}, utf8("---\ntitle: \"")};
  private static final byte[][] PIECES = {
      {0x1b, '['}, {0x1b, ']', '5', '2', ';'}, {0x07}, {0x1b, '\\'}, {(byte) 0xC2, (byte) 0x9B}, {(byte) 0xC2, (byte) 0x85},
      {(byte) 0xE2, (byte) 0x80, (byte) 0xAE}, {(byte) 0xE2, (byte) 0x81, (byte) 0xA6}, {(byte) 0xE2, (byte) 0x80, (byte) 0xA8},
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8, (byte) 0xAD},
      {'\r'}, {'\n'}, {'\r', '\n'}, {'\t'}, {0x7f}, {0}, utf8("&#27;"), utf8("&#x9b;"), utf8("\n---\n"), utf8("\n> "),
      utf8("\n- "), utf8("\n# "), utf8("|a|b|\n|-|-|\n"), utf8("**"), utf8("_"), utf8("`"), utf8("[x]("), utf8("../"),
      utf8("!!java.net.URL "), utf8("&a "), utf8("*a "), utf8("date: 2024-05-01\n"), utf8("word ")};

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @BeforeAll
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("hostile-bytes");
    Files.writeString(dir.resolve("clinic.json"), HostileCorpus.CLINIC);
  }

  @AfterAll
  static void removeDir() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** Article bytes and how to render them. */
  record BytesCase(byte[] bytes, int width, boolean color) {
    @Override
    public String toString() {
      return "width " + width + (color ? ", colour" : "") + ", bytes " + Arrays.toString(bytes);
    }
  }

  static byte[] articleBytes(Random r) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(PREFIXES[r.nextInt(PREFIXES.length)]);
    for (int i = r.nextInt(200); i > 0; i--) {
      if (r.nextInt(5) < 3) {
        parts.add(PIECES[r.nextInt(PIECES.length)]);
      } else {
        byte[] b = new byte[r.nextInt(9)];
        r.nextBytes(b);
        parts.add(b);
      }
    }
    return HostileCorpus.concatAll(parts);
  }

  @Test
  void anyBytesRenderSafely() {
    Props.check("random bytes through render", 1000,
        r -> new BytesCase(articleBytes(r), 20 + r.nextInt(101), r.nextBoolean()),
        c -> {
          Path file = dir.resolve("random.md");
          write(file, c.bytes());
          String[] out = new String[2];
          int exit = run(out, "render", "--dir", dir.toString(), "--color", c.color() ? "always" : "never", "-w",
              Integer.toString(c.width()), file.toString());
          assertThat(exit).as(out[1]).isBetween(0, 1);
          assertThat(out[1]).doesNotContain("unexpected error");
          String plain = out[0].replaceAll("\u001b\\[[0-9;]*m", "");
          HostileCorpusTest.assertNoControls(plain, "stdout");
          HostileCorpusTest.assertNoControls(out[1], "stderr");
          for (String line : plain.split("\n", -1)) assertThat(Cells.width(line)).isLessThanOrEqualTo(c.width());
        });
  }

  @Test
  void anyBytesListSafely() {
    Props.check("random bytes through list --json", 500, r -> new BytesCase(articleBytes(r), 0, false), c -> {
      write(dir.resolve("random.md"), c.bytes());
      String[] out = new String[2];
      int exit = run(out, "list", "--dir", dir.toString(), "--drafts", "--json");
      assertThat(exit).isZero();
      assertThat(out[1]).doesNotContain("unexpected error");
      HostileCorpusTest.assertNoControls(out[0], "stdout");
      HostileCorpusTest.assertNoControls(out[1], "stderr");
      try {
        assertThat(new ObjectMapper().readTree(out[0]).isArray()).isTrue();
      } catch (IOException e) {
        throw new AssertionError("list --json printed invalid JSON: " + e.getMessage(), e);
      }
    });
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int run(String[] outputs, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      exit = Main.run(args, o, e);
    }
    outputs[0] = out.toString();
    outputs[1] = err.toString();
    return exit;
  }
}
