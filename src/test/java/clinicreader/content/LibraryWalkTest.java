package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one walk every command finds articles with. */
class LibraryWalkTest {
  @TempDir Path tmp;

  private static String article(String title) {
    return "---\ntitle: " + title + "\ndate: 2024-05-01\n---\nBody.\n";
  }

  @Test
  void findsArticlesInOrderSkippingHiddenEntriesAndFollowingNoLinkBelowTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("articles"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("far.md"), article("Far"));
    Files.writeString(root.resolve("b.md"), article("B"));
    Files.writeString(root.resolve("a.md"), article("A"));
    Files.writeString(root.resolve(".hidden.md"), article("Hidden"));
    Files.createDirectories(root.resolve(".drafts"));
    Files.writeString(root.resolve(".drafts/x.md"), article("X"));
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/c.md"), article("C"));
    Files.writeString(root.resolve("notes.txt"), "not an article");
    Files.createSymbolicLink(root.resolve("linked"), outside);
    assertThat(Library.walk(root).stream().map(f -> root.relativize(f.path()).toString()))
        .containsExactly("a.md", "b.md", "sub/c.md");
  }

  @Test
  void aRootThatIsALinkToAFolderIsListed() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real"));
    Files.writeString(real.resolve("a.md"), article("A"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
    assertThat(Library.walk(link)).hasSize(1);
    assertThat(Library.open(link, ArticleFiles.DEFAULT_MAX_BYTES).all())
        .extracting(ArticleMeta::title).containsExactly("A");
  }

  @Test
  void theSlugOfAWalkedFileIsTheSlugOfItsPath() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("articles"));
    Files.createDirectories(root.resolve("sub/deeper"));
    Files.createDirectories(root.resolve("x.md.d"));
    for (String name : new String[] {"a.md", "sub/b.md", "sub/deeper/c d.md", "x.md.d/e.md", "caf\u00e9.md", "tab\tname.md"}) {
      Files.writeString(root.resolve(name), article(name));
    }
    String text = root.toString();
    assertThat(Library.walk(root)).hasSize(6).allSatisfy(f ->
        assertThat(Library.walkedSlug(text, root, f.path())).isEqualTo(Library.slugOf(root, f.path())));
    assertThat(Library.walk(root).stream().map(f -> Library.walkedSlug(text, root, f.path())))
        .contains("sub/deeper/c d", "x.md.d/e", "tab name");
    // not under the root's text: the usual way
    Path other = tmp.resolve("other.md");
    assertThat(Library.walkedSlug(text, root, other)).isEqualTo(Library.slugOf(root, other));
  }
}
