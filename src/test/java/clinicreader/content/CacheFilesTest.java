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
}
