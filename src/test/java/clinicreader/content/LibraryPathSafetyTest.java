package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links and {@code related} entries can never make the library open anything outside its root:
 * not with "..", absolute paths, {@code file:} URLs, encoded or Windows-style paths, nor through
 * symbolic links (to files or folders) that point out of the root.
 */
class LibraryPathSafetyTest {
  private static final String SECRET = "Outside secret";

  @TempDir Path tmp;
  private Path root;
  private Path secret;
  private Library lib;

  private static String article(String title, String extra) {
    return "---\ntitle: " + title + "\ndate: 2024-05-01\n" + extra + "---\nBody.\n";
  }

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("articles"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    secret = outside.resolve("secret.md");
    Files.writeString(secret, article(SECRET, ""));
    Files.writeString(root.resolve("top.md"), article("Top", "related: [../outside/secret, leak, "
        + secret + ", \"file://" + secret + "\", linked/secret, dirlink, sub/inner]\n"));
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/inner.md"), article("Inner", "related: [../../outside/secret, top]\n"));
    Files.createSymbolicLink(root.resolve("leak.md"), secret);
    Files.createSymbolicLink(root.resolve("relative-leak.md"), Path.of("../outside/secret.md"));
    Files.createSymbolicLink(root.resolve("linked"), outside);
    Files.createSymbolicLink(root.resolve("dirlink.md"), outside);
    Files.createSymbolicLink(root.resolve("inside-link.md"), root.resolve("top.md"));
    lib = Library.open(root, ArticleFiles.DEFAULT_MAX_BYTES);
  }

  private ArticleMeta meta(String slug) {
    return lib.bySlug(slug).orElseThrow();
  }

  private boolean inside(ArticleMeta m) throws IOException {
    return m.path().toRealPath().startsWith(root.toRealPath());
  }

  @Test
  void openSkipsSymlinksThatLeaveTheRootWithOneMessageEach() throws IOException {
    assertThat(lib.all()).extracting(ArticleMeta::slug)
        .containsExactlyInAnyOrder("top", "sub/inner", "inside-link");
    for (ArticleMeta m : lib.all()) assertThat(inside(m)).as(m.slug()).isTrue();
    assertThat(lib.all()).extracting(ArticleMeta::title).doesNotContain(SECRET);
    List<String> warned = lib.warnings().stream()
        .filter(p -> p.message().contains("outside the articles directory")).map(Problem::file).toList();
    assertThat(warned).hasSize(3).allSatisfy(f -> assertThat(f).matches(".*(leak|dirlink)\\.md"));
  }

  @Test
  void linksNeverResolveOutsideTheRoot() throws IOException {
    List<String> hostile = new ArrayList<>(Arrays.asList(
        "../outside/secret.md", "../outside/secret", "../../outside/secret.md", "sub/../../outside/secret.md",
        "./../outside/secret.md", "../articles/../outside/secret.md", secret.toString(),
        secret.toString().replace(".md", ""), "file://" + secret, "file:" + secret, "FILE:../outside/secret.md",
        "file:../outside/secret.md", "leak.md", "leak", "relative-leak", "linked/secret.md", "linked/secret",
        "dirlink.md", "dirlink", "%2e%2e/outside/secret.md", "..%2Foutside%2Fsecret.md", "..\\outside\\secret.md",
        "~/secret.md", "//" + secret, "\\\\server\\share\\secret.md", "../outside/secret.md#top",
        "../outside/secret.md?x=1", "a\u0000b.md", "\u0000", "../outside/secret.md\u0000.md", ".", "..", "/",
        "#", "", " ", "..././outside/secret.md"));
    List<ArticleMeta> froms = new ArrayList<>(lib.all());
    froms.add(null);
    for (ArticleMeta from : froms) {
      for (String target : hostile) {
        Optional<ArticleMeta> hit = lib.resolveLink(from, target);
        if (hit.isPresent()) {
          assertThat(inside(hit.get())).as("%s from %s", target, from).isTrue();
        }
        assertThat(hit.map(ArticleMeta::title)).as("%s from %s", target, from).isNotEqualTo(Optional.of(SECRET));
      }
    }
  }

  @Test
  void linksInsideTheRootStillResolve() {
    assertThat(lib.resolveLink(meta("sub/inner"), "../top.md")).contains(meta("top"));
    assertThat(lib.resolveLink(meta("sub/inner"), "../top#section")).contains(meta("top"));
    assertThat(lib.resolveLink(meta("top"), "sub/inner.md")).contains(meta("sub/inner"));
    assertThat(lib.resolveLink(meta("top"), "./sub/../top.md")).contains(meta("top"));
    assertThat(lib.resolveLink(null, "inside-link")).contains(meta("inside-link"));
  }

  @Test
  void malformedTargetsAreRefusedNotThrown() {
    for (String t : List.of("a\u0000b.md", "\u0000", "x\u0000/../../etc/passwd")) {
      assertThatCode(() -> lib.resolveLink(meta("top"), t)).as(t).doesNotThrowAnyException();
      assertThat(lib.resolveLink(meta("top"), t)).as(t).isEmpty();
    }
  }

  @Test
  void relatedEntriesNeverLeaveTheRoot() throws IOException {
    List<ArticleMeta> related = lib.related(meta("top"), 10, true);
    assertThat(related).extracting(ArticleMeta::slug).containsExactly("sub/inner");
    for (ArticleMeta m : lib.related(meta("sub/inner"), 10, true)) assertThat(inside(m)).isTrue();
    assertThat(lib.related(meta("sub/inner"), 10, true)).extracting(ArticleMeta::slug).containsExactly("top");
  }

  @Test
  void clinicProfileLinkedFromOutsideIsNotRead() throws Exception {
    Path profile = tmp.resolve("outside/clinic.json");
    Files.writeString(profile, "{\"name\": \"" + SECRET + "\"}");
    Files.createSymbolicLink(root.resolve("clinic.json"), profile);
    ContentException e = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
        () -> ClinicLoader.load(root));
    assertThat(e.problem().message()).contains("outside the articles directory");
    assertThat(e.problem().file()).endsWith("clinic.json");
  }
}
