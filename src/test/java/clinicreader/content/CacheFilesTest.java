package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache files: written whole or not at all, readable by their owner only, no temporary file left. */
class CacheFilesTest {
  @TempDir Path tmp;

  @Test
  void replacesTheFileWholeForItsOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
    Path target = tmp.resolve("cache/index-1.bin");
    assertThat(CacheFiles.replace(target, "index-", os -> os.write("first".getBytes(StandardCharsets.UTF_8)))).isTrue();
    assertThat(CacheFiles.replace(target, "index-", os -> os.write("second".getBytes(StandardCharsets.UTF_8)))).isTrue();
    assertThat(Files.readString(target)).isEqualTo("second");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    try (var names = Files.list(target.getParent())) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("index-1.bin");
    }
  }

  @Test
  void aBodyThatFailsLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path target = tmp.resolve("list-1.bin");
    Files.writeString(target, "old");
    assertThat(CacheFiles.replace(target, "list-", os -> {
      os.write(1);
      throw new java.io.IOException("disk full");
    })).isFalse();
    assertThat(Files.readString(target)).isEqualTo("old");
    try (var names = Files.list(tmp)) {
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("list-1.bin");
    }
  }

  @Test
  void theNameHashIsSixteenHexDigitsOfTheUtf8Text() {
    assertThat(CacheFiles.nameHash("")).isEqualTo("cbf29ce484222325");
    assertThat(CacheFiles.nameHash("/home/a/articles")).matches("[0-9a-f]{16}")
        .isNotEqualTo(CacheFiles.nameHash("/home/a/articles2"));
    assertThat(CacheFiles.nameHash("caf\u00e9")).isNotEqualTo(CacheFiles.nameHash("cafe"));
  }

  @Test
  void unusedCacheFilesAndAbandonedTemporaryFilesArePrunedButNothingElse() throws Exception {
    long now = System.currentTimeMillis();
    long day = 24L * 60 * 60 * 1000;
    Path oldIndex = aged(tmp.resolve("index-00000000000000aa.bin"), now - 40 * day);
    Path oldWords = aged(tmp.resolve("words-00000000000000aa.bin"), now - 31 * day);
    Path recentList = aged(tmp.resolve("list-00000000000000bb.bin"), now - 29 * day);
    Path kept = aged(tmp.resolve("list-00000000000000aa.bin"), now - 90 * day);
    Path abandoned = aged(tmp.resolve("list-1234abcd.tmp"), now - 2 * day);
    Path beingWritten = aged(tmp.resolve("index-5678ef.tmp"), now - 60 * 1000);
    Path notOurs = aged(tmp.resolve("notes.txt"), now - 400 * day);
    Path notOursEither = aged(tmp.resolve("index-old.json"), now - 400 * day);
    CacheFiles.prune(tmp, kept, now);
    assertThat(oldIndex).doesNotExist();
    assertThat(oldWords).doesNotExist();
    assertThat(abandoned).doesNotExist();
    assertThat(recentList).exists();
    assertThat(kept).exists();
    assertThat(beingWritten).exists();
    assertThat(notOurs).exists();
    assertThat(notOursEither).exists();
  }

  @Test
  void aFileReadRecentlyIsKeptThoughWrittenLongAgo() throws Exception {
    long now = System.currentTimeMillis();
    long day = 24L * 60 * 60 * 1000;
    Path index = aged(tmp.resolve("index-00000000000000cc.bin"), now - 100 * day);
    Files.setAttribute(index, "lastAccessTime", java.nio.file.attribute.FileTime.fromMillis(now - day));
    CacheFiles.prune(tmp, null, now);
    assertThat(index).exists();
  }

  @Test
  void pruningAFolderThatIsNotThereDoesNothing() {
    CacheFiles.prune(tmp.resolve("missing"), null, System.currentTimeMillis());
    assertThat(tmp.resolve("missing")).doesNotExist();
  }

  private static Path aged(Path p, long millis) throws Exception {
    Files.writeString(p, "x");
    var t = java.nio.file.attribute.FileTime.fromMillis(millis);
    Files.setLastModifiedTime(p, t);
    Files.setAttribute(p, "lastAccessTime", t);
    return p;
  }
}
