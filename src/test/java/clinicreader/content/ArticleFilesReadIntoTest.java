package clinicreader.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library scan's read of file after file into one buffer. */
class ArticleFilesReadIntoTest {
  @TempDir Path tmp;

  private static BasicFileAttributes attrs(Path p) throws Exception {
    return Files.readAttributes(p, BasicFileAttributes.class);
  }

  @Test
  void readsEachFileWhollyIntoTheSameBufferGrowingItForALargeOne() throws Exception {
    Path small = tmp.resolve("small.md");
    Path large = tmp.resolve("large.md");
    Files.writeString(small, "---\ntitle: Small\n---\nA few words.\n");
    byte[] big = new byte[40_000];
    Arrays.fill(big, (byte) 'x');
    Files.write(large, big);
    ArticleFiles.Buffer buf = new ArticleFiles.Buffer();

    assertThat(ArticleFiles.readInto(large, 1 << 20, attrs(large), buf)).isTrue();
    assertThat(buf.length).isEqualTo(40_000);
    assertThat(Arrays.copyOf(buf.bytes, buf.length)).isEqualTo(big);

    assertThat(ArticleFiles.readInto(small, 1 << 20, attrs(small), buf)).isTrue();
    assertThat(new String(buf.bytes, 0, buf.length, StandardCharsets.UTF_8))
        .isEqualTo("---\ntitle: Small\n---\nA few words.\n");
  }

  @Test
  void aFileThatGrewOrShrankSinceItsSizeWasReadIsLeftToTheUsualRead() throws Exception {
    Path p = tmp.resolve("a.md");
    Files.writeString(p, "---\ntitle: A\n---\nBody.\n");
    BasicFileAttributes before = attrs(p);
    ArticleFiles.Buffer buf = new ArticleFiles.Buffer();

    Files.writeString(p, "---\ntitle: A\n---\nBody, and more written since.\n");
    assertThat(ArticleFiles.readInto(p, 1 << 20, before, buf)).isFalse();
    Files.writeString(p, "---\n");
    assertThat(ArticleFiles.readInto(p, 1 << 20, before, buf)).isFalse();
  }

  @Test
  void refusesWhatTheUsualReadRefuses() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty.md"));
    Path large = tmp.resolve("large.md");
    Files.write(large, new byte[100]);
    ArticleFiles.Buffer buf = new ArticleFiles.Buffer();
    assertThatThrownBy(() -> ArticleFiles.readInto(empty, 1 << 20, attrs(empty), buf)).hasMessageContaining("empty file");
    assertThatThrownBy(() -> ArticleFiles.readInto(large, 99, attrs(large), buf)).hasMessageContaining("over the 99-byte limit");
  }

  @Test
  void aFileThatCannotBeReadIsToldFromOneReadAndRefused() throws Exception {
    ArticleFiles.Buffer buf = new ArticleFiles.Buffer();
    Path gone = tmp.resolve("gone.md");
    assertThatThrownBy(() -> ArticleFiles.readAny(gone, 1 << 20, null))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.unreadable()).isTrue());
    Path empty = Files.createFile(tmp.resolve("empty.md"));
    assertThatThrownBy(() -> ArticleFiles.readInto(empty, 1 << 20, attrs(empty), buf))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.unreadable()).isFalse());
  }
}
