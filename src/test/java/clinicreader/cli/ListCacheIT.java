package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.e2e.TmuxPane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher lists a library holding a file it refuses: every run prints the same list
 * and the same warning, and a later run takes both from the stored list without reading the
 * library (its index cache, removed, is not made again).
 */
class ListCacheIT {
  @TempDir Path tmp;

  private String[] run(Path lib) throws Exception {
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder("./clinic-reader", "list", "--json", "--dir", lib.toString())
        .directory(TmuxPane.PROJECT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    pb.environment().remove("CLINIC_READER_DIR");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return new String[] {Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
  }

  private List<Path> cacheFiles(String prefix) throws Exception {
    try (Stream<Path> s = Files.list(tmp.resolve("cache").resolve("clinic-reader"))) {
      return s.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  @Test
  void aRefusedFileIsWarnedAboutOnEveryRunAndTheListIsStoredAnyway() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("lib"));
    Files.writeString(lib.resolve("good.md"), "---\ntitle: Good\ndate: 2025-01-02\n---\nSome words here.\n");
    Files.writeString(lib.resolve("other.md"), "---\ntitle: Other\ndate: 2025-02-03\n---\n## One\n\nText.\n");
    Files.writeString(lib.resolve("broken.md"), "no front matter here\n");
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
    try (Stream<Path> s = Files.list(lib)) {
      for (Path f : s.toList()) Files.setLastModifiedTime(f, old);
    }

    String[] first = run(lib);
    assertThat(first[0]).contains("\"title\" : \"Good\"").contains("\"title\" : \"Other\"");
    assertThat(first[1].strip()).endsWith("broken.md:1:1: no front matter: start the file with a line '---', "
        + "then 'title:' and 'date:', then '---'").doesNotContain("\n");
    assertThat(cacheFiles("list-")).hasSize(1);

    for (Path index : cacheFiles("index-")) Files.delete(index);
    String[] later = run(lib);
    assertThat(later).containsExactly(first);
    assertThat(cacheFiles("index-")).as("the stored list was used: the library was not read").isEmpty();

    // the file fixed: read again, listed, and no warning
    Files.writeString(lib.resolve("broken.md"), "---\ntitle: Fixed\ndate: 2025-03-04\n---\nNow an article.\n");
    Files.setLastModifiedTime(lib.resolve("broken.md"), old);
    String[] fixed = run(lib);
    assertThat(fixed[0]).contains("\"title\" : \"Fixed\"");
    assertThat(fixed[1]).isEmpty();
  }
}
