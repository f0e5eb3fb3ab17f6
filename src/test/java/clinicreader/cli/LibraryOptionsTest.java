package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the articles are: --dir, then CLINIC_READER_DIR, then the config file's "dir", then ./articles. */
class LibraryOptionsTest {
  @TempDir Path home;

  private Map<String, String> config(String json) throws Exception {
    Path file = home.resolve("config/clinic-reader/config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return Map.of("XDG_CONFIG_HOME", home.resolve("config").toString());
  }

  @Test
  void theConfigFilesDirIsUsedWhenNothingElseNamesOne() throws Exception {
    Path lib = Files.createDirectories(home.resolve("lib"));
    Map<String, String> env = config("{ \"theme\": \"light\", \"dir\": \"" + lib + "\" }");
    LibraryOptions opts = new LibraryOptions();
    assertThat(opts.directory(env)).isEqualTo(lib);
    // the environment and the option both win over it
    Map<String, String> named = new java.util.HashMap<>(env);
    named.put("CLINIC_READER_DIR", "from-env");
    assertThat(opts.directory(named)).isEqualTo(Path.of("from-env"));
    opts.dir = Path.of("from-option");
    assertThat(opts.directory(named)).isEqualTo(Path.of("from-option"));
  }

  @Test
  void withoutAUsableDirTheDefaultStands() throws Exception {
    LibraryOptions opts = new LibraryOptions();
    assertThat(opts.directory(Map.of("XDG_CONFIG_HOME", home.resolve("none").toString()))).isEqualTo(Path.of("articles"));
    assertThat(opts.directory(config("{ \"dir\": 42 }"))).isEqualTo(Path.of("articles"));
    assertThat(opts.directory(config("{ not json"))).isEqualTo(Path.of("articles"));
  }
}
