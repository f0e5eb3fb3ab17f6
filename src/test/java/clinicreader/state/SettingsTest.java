package clinicreader.state;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir
  Path tmp;

  private Settings.Loaded load(String json) throws Exception {
    Path file = tmp.resolve("config.json");
    Files.writeString(file, json);
    return Settings.load(file);
  }

  @Test
  void noFileGivesTheDefaultsSilently() {
    Settings.Loaded l = Settings.load(tmp.resolve("nowhere/config.json"));
    assertThat(l.warnings()).isEmpty();
    assertThat(l.settings()).isEqualTo(new Settings("dark", 100, false, null, Library.Sort.DATE));
  }

  @Test
  void readsEverySetting() throws Exception {
    Settings.Loaded l = load("""
        {
          "theme": "Light",
          "maxWidth": 72,
          "mouse": true,
          "dir": "/srv/articles",
          "sort": "title"
        }
        """);
    assertThat(l.warnings()).isEmpty();
    assertThat(l.settings()).isEqualTo(new Settings("light", 72, true, Path.of("/srv/articles"), Library.Sort.TITLE));
  }

  @Test
  void unknownKeysAreIgnoredWithAWarningWhereTheyAre() throws Exception {
    Settings.Loaded l = load("{\n  \"theme\": \"mono\",\n  \"colour\": \"red\"\n}\n");
    assertThat(l.settings().theme()).isEqualTo("mono");
    assertThat(l.warnings()).singleElement().satisfies(w ->
        assertThat(w).endsWith("config.json:3:3: unknown setting \"colour\" (ignored)"));
  }

  @Test
  void aBadValueKeepsThatDefaultAndTheRest() throws Exception {
    Settings.Loaded l = load("{\"theme\": \"blue\", \"maxWidth\": 5, \"mouse\": \"yes\", \"sort\": \"size\", \"dir\": 3,"
        + " \"maxWidth\": 80.5}");
    assertThat(l.settings()).isEqualTo(Settings.defaults());
    assertThat(l.warnings()).hasSize(6);
    assertThat(l.warnings().get(0)).contains("config.json:1:2: theme: \"blue\" is not one of dark, light, mono");
    assertThat(l.warnings().get(1)).contains("maxWidth: 5 is not a whole number from 20 to 10000");
  }

  @Test
  void invalidJsonGivesTheDefaultsAndOneLineNamingTheSpot() throws Exception {
    Settings.Loaded l = load("{\n  \"theme\": \"light\",\n  \"maxWidth\": 90,,\n}\n");
    assertThat(l.settings()).isEqualTo(Settings.defaults());
    assertThat(l.warnings()).singleElement().satisfies(w -> {
      assertThat(w).containsPattern("config\\.json:3:\\d+: not valid JSON").endsWith("using default settings");
      assertThat(w).doesNotContain("\n");
    });
  }

  @Test
  void otherShapesAreInvalidToo() throws Exception {
    assertThat(load("[\"dark\"]").warnings()).singleElement().satisfies(w -> assertThat(w).contains("config.json:1:1: expected a JSON object"));
    assertThat(load("{\"theme\": \"light\"} {}").warnings()).singleElement().satisfies(w -> assertThat(w).contains("unexpected text after"));
    assertThat(load("{\"theme\": \"light\"} {}").settings().theme()).isEqualTo("dark");
    assertThat(load("   \n").warnings()).isEmpty();
  }

  @Test
  void aDirectoryInsteadOfAFileIsAWarningNotACrash() throws Exception {
    Path file = tmp.resolve("config.json");
    Files.createDirectories(file);
    assertThat(Settings.load(file).warnings()).singleElement().satisfies(w -> assertThat(w).contains("cannot read"));
  }

  @Test
  void noColorForcesMonoWhateverWasChosen() {
    Settings light = Settings.defaults().withTheme("light");
    assertThat(light.withEnvironment(Map.of("NO_COLOR", "1")).theme()).isEqualTo("mono");
    assertThat(light.withEnvironment(Map.of("NO_COLOR", "")).theme()).isEqualTo("light");
    assertThat(light.withEnvironment(Map.of()).theme()).isEqualTo("light");
    assertThat(Settings.noColor(Map.of("NO_COLOR", "yes"))).isTrue();
  }

  @Test
  void homeIsExpandedInDir() throws Exception {
    assertThat(load("{\"dir\": \"~/articles\"}").settings().dir())
        .isEqualTo(Path.of(System.getProperty("user.home"), "articles"));
  }

  @Test
  void defaultFileFollowsXdgConfigHome() {
    assertThat(Settings.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/config", "HOME", "/home/u")))
        .isEqualTo(Path.of("/x/config/clinic-reader/config.json"));
    assertThat(Settings.defaultFile(Map.of("HOME", "/home/u")))
        .isEqualTo(Path.of("/home/u/.config/clinic-reader/config.json"));
  }
}
