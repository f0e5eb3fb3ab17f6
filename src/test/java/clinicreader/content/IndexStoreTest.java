package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStoreTest {
  @TempDir Path dir;

  private static final long HOUR_MS = 3_600_000L;

  private Path article(Path root, String name, String title, long mtimeMillis) throws Exception {
    Path f = root.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "---\ntitle: \"" + title + "\"\ndate: 2025-01-02\ntags: [a, b]\nrelated: [x]\n"
        + "summary: \"Sum 漢字\"\ncta: consultation\n---\nIntro words here.\n\n## One\n\ntext\n\n### Sub\n\n## Two\n",
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtimeMillis));
    return f;
  }

  private static List<String> titles(Library lib) {
    return lib.all().stream().map(ArticleMeta::title).toList();
  }

  @Test
  void cachedLibraryEqualsFreshRead() throws Exception {
    Path root = dir.resolve("lib");
    long old = System.currentTimeMillis() - HOUR_MS;
    article(root, "a.md", "Alpha", old);
    article(root, "sub/b.md", "Beta", old);
    IndexStore store = new IndexStore(dir.resolve("cache"));
    Library first = Library.open(root, 1 << 20, store);
    assertThat(store.has(root.toAbsolutePath().normalize())).isTrue();
    Library second = Library.open(root, 1 << 20, store);
    Library plain = Library.open(root, 1 << 20);
    assertThat(second.all()).isEqualTo(plain.all());
    assertThat(first.all()).isEqualTo(plain.all());
    assertThat(second.all().get(0).outline().sections()).extracting(Outline.Section::number)
        .containsExactly("1", "1.1", "2");
  }

  @Test
  void unchangedFileIsTakenFromTheCacheNotReRead() throws Exception {
    Path root = dir.resolve("lib");
    long old = System.currentTimeMillis() - HOUR_MS;
    Path f = article(root, "a.md", "Alpha", old);
    IndexStore store = new IndexStore(dir.resolve("cache"));
    Library.open(root, 1 << 20, store);
    // same size and modification time, different bytes: only a cache hit still says "Alpha"
    String text = Files.readString(f).replace("Alpha", "Gamma");
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.fromMillis(old));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Alpha");
    assertThat(titles(Library.open(root, 1 << 20))).containsExactly("Gamma");
  }

  @Test
  void editedFileIsReRead() throws Exception {
    Path root = dir.resolve("lib");
    long old = System.currentTimeMillis() - HOUR_MS;
    Path f = article(root, "a.md", "Alpha", old);
    IndexStore store = new IndexStore(dir.resolve("cache"));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Alpha");
    // same size, new modification time
    Files.writeString(f, Files.readString(f).replace("Alpha", "Gamma"));
    Files.setLastModifiedTime(f, FileTime.fromMillis(old + 1000));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Gamma");
    // same modification time, new size
    Files.writeString(f, Files.readString(f).replace("Gamma", "Delta Delta"));
    Files.setLastModifiedTime(f, FileTime.fromMillis(old + 1000));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Delta Delta");
  }

  @Test
  void fileEditedJustNowIsNotTrustedLater() throws Exception {
    Path root = dir.resolve("lib");
    // modified "now" as far as the opening below can tell (a second ahead, to not depend on speed)
    Path f = article(root, "a.md", "Alpha", System.currentTimeMillis() + 1000);
    IndexStore store = new IndexStore(dir.resolve("cache"));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Alpha");
    // an edit within the same clock tick keeps size and time: the fresh entry must not have been kept
    long mtime = Files.getLastModifiedTime(f).toMillis();
    Files.writeString(f, Files.readString(f).replace("Alpha", "Gamma"));
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Gamma");
  }

  @Test
  void addedAndRemovedFilesAreSeen() throws Exception {
    Path root = dir.resolve("lib");
    long old = System.currentTimeMillis() - HOUR_MS;
    Path a = article(root, "a.md", "Alpha", old);
    IndexStore store = new IndexStore(dir.resolve("cache"));
    Library.open(root, 1 << 20, store);
    article(root, "b.md", "Beta", old);
    Files.delete(a);
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Beta");
  }

  @Test
  void brokenCacheFileIsIgnored() throws Exception {
    Path root = dir.resolve("lib");
    long old = System.currentTimeMillis() - HOUR_MS;
    article(root, "a.md", "Alpha", old);
    IndexStore store = new IndexStore(dir.resolve("cache"));
    Library.open(root, 1 << 20, store);
    Path cacheFile = store.fileFor(root.toAbsolutePath().normalize());
    byte[] bytes = Files.readAllBytes(cacheFile);
    Files.write(cacheFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Alpha");
    Files.writeString(cacheFile, "garbage");
    assertThat(titles(Library.open(root, 1 << 20, store))).containsExactly("Alpha");
  }

  @Test
  void brokenArticleStaysAWarningWithACache() throws Exception {
    Path root = dir.resolve("lib");
    long old = System.currentTimeMillis() - HOUR_MS;
    article(root, "a.md", "Alpha", old);
    Path bad = root.resolve("bad.md");
    Files.writeString(bad, "no front matter\n");
    Files.setLastModifiedTime(bad, FileTime.fromMillis(old));
    IndexStore store = new IndexStore(dir.resolve("cache"));
    Library.open(root, 1 << 20, store);
    Library again = Library.open(root, 1 << 20, store);
    assertThat(titles(again)).containsExactly("Alpha");
    assertThat(again.warnings()).hasSize(1);
    assertThat(again.warnings().get(0).message()).contains("no front matter");
  }
}
