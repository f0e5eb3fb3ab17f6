package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} finds DIR/SLUG.md directly and still picks the same related articles. */
class RenderSingleArticleTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private void write(String name, String title, String tags, String related, boolean draft) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "---\ntitle: \"" + title + "\"\ndate: 2025-01-0" + (1 + Math.abs(name.hashCode()) % 8)
        + "\ntags: [" + tags + "]\n" + (related == null ? "" : "related: [" + related + "]\n")
        + (draft ? "draft: true\n" : "") + "---\nBody of " + title + ".\n", StandardCharsets.UTF_8);
  }

  @Test
  void slugIsRenderedWithoutReadingTheOtherArticles() throws Exception {
    write("main.md", "Main article", "a", "other", false);
    write("other.md", "Other article", "b", null, false);
    Files.writeString(dir.resolve("broken.md"), "no front matter here\n");
    Result r = run("render", "--dir", dir.toString(), "--color", "never", "-w", "60", "main");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Main article").contains("Body of Main article.").contains("Other article");
    // the broken file is only reported by commands that read the whole library
    assertThat(r.err()).doesNotContain("broken.md");
    assertThat(run("list", "--dir", dir.toString()).err()).contains("broken.md");
  }

  @Test
  void relatedByTagsStillComesFromTheLibrary() throws Exception {
    write("main.md", "Main article", "shared", null, false);
    write("sub/near.md", "Near article", "shared", null, false);
    write("far.md", "Far article", "elsewhere", null, false);
    Result r = run("render", "--dir", dir.toString(), "--color", "never", "-w", "60", "main");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Related articles").contains("Near article").doesNotContain("Far article");
  }

  @Test
  void relatedSlugsInSubfoldersDraftsAndMissingOnesAreHandled() throws Exception {
    write("main.md", "Main article", "x", "sub/near, hidden, missing", false);
    write("sub/near.md", "Near article", "y", null, false);
    write("hidden.md", "Hidden draft", "y", null, true);
    Result r = run("render", "--dir", dir.toString(), "--color", "never", "-w", "60", "main");
    assertThat(r.out()).contains("Near article").doesNotContain("Hidden draft");
    Result withDrafts = run("render", "--dir", dir.toString(), "--drafts", "--color", "never", "-w", "60", "main");
    assertThat(withDrafts.out()).contains("Near article").contains("Hidden draft");
  }

  @Test
  void slugInASubfolderAndAFilePathBothWork() throws Exception {
    write("sub/deep.md", "Deep article", "x", null, false);
    assertThat(run("render", "--dir", dir.toString(), "--color", "never", "sub/deep").out()).contains("Deep article");
    assertThat(run("render", "--dir", dir.toString(), "--color", "never", dir.resolve("sub/deep.md").toString()).out())
        .contains("Deep article");
  }

  @Test
  void unknownSlugAndEscapingSlugAreUsageErrors() throws Exception {
    write("main.md", "Main article", "x", null, false);
    Files.writeString(dir.getParent().resolve("outside-" + dir.getFileName() + ".md"),
        "---\ntitle: Outside\ndate: 2025-01-01\n---\nx\n");
    assertThat(run("render", "--dir", dir.toString(), "nope").code()).isEqualTo(Main.USAGE);
    Result escape = run("render", "--dir", dir.toString(), "../outside-" + dir.getFileName());
    assertThat(escape.out()).doesNotContain("Outside");
  }
}
