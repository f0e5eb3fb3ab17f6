package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Theme and text width: command line beats config.json beats defaults; NO_COLOR beats them all. */
class PreferencesTest {
  @TempDir Path home;
  private final StringWriter err = new StringWriter();

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
    return env;
  }

  private void config(String json) throws Exception {
    Path f = home.resolve("config/clinic-reader/config.json");
    Files.createDirectories(f.getParent());
    Files.writeString(f, json);
  }

  private Preferences resolve(String theme, Integer maxWidth, Map<String, String> env) {
    ColorOptions colors = new ColorOptions();
    colors.theme = theme;
    return Preferences.resolve(colors, maxWidth, env, new PrintWriter(err, true));
  }

  @Test
  void withoutConfigTheDefaultsAreDarkAndAHundredColumns() {
    Preferences p = resolve(null, null, env());
    assertThat(p.theme.name()).isEqualTo("dark");
    assertThat(p.settings.maxWidth()).isEqualTo(100);
    assertThat(p.warnings).isEmpty();
  }

  @Test
  void theConfigFileChoosesAndTheCommandLineWins() throws Exception {
    config("{\"theme\": \"light\", \"maxWidth\": 80}");
    Preferences fromFile = resolve(null, null, env());
    assertThat(fromFile.theme.name()).isEqualTo("light");
    assertThat(fromFile.settings.maxWidth()).isEqualTo(80);
    Preferences fromOptions = resolve("dark", 60, env());
    assertThat(fromOptions.theme.name()).isEqualTo("dark");
    assertThat(fromOptions.settings.maxWidth()).isEqualTo(60);
  }

  @Test
  void noColorForcesMonoOverOptionAndFile() throws Exception {
    config("{\"theme\": \"light\"}");
    assertThat(resolve("light", null, env("NO_COLOR", "1")).theme.name()).isEqualTo("mono");
    assertThat(resolve(null, null, env("NO_COLOR", "1")).theme.name()).isEqualTo("mono");
    assertThat(resolve(null, null, env("NO_COLOR", "")).theme.name()).isEqualTo("light");
  }

  @Test
  void badValuesOnTheCommandLineAreUsageErrors() {
    assertThat(resolve("sepia", null, env())).isNull();
    assertThat(err.toString()).contains("unknown theme 'sepia'").contains("dark, light, mono");
    assertThat(resolve(null, 5, env())).isNull();
    assertThat(err.toString()).contains("--max-width must be from 20");
  }

  @Test
  void aBrokenConfigFileIsAShortWarningAndTheDefaults() throws Exception {
    config("{\"theme\": \"sepia\",");
    Preferences p = resolve(null, null, env());
    assertThat(p.theme.name()).isEqualTo("dark");
    assertThat(p.warnings).singleElement().asString().startsWith("config.json:").doesNotContain(home.toString());
  }

  @Test
  void aCorruptStateFileIsMovedAsideWithAWarning() throws Exception {
    Path state = home.resolve("state/clinic-reader/state.json");
    Files.createDirectories(state.getParent());
    Files.writeString(state, "garbage");
    Preferences p = resolve(null, null, env());
    p.memory(env("XDG_STATE_HOME", home.resolve("state").toString()));
    assertThat(p.warnings).singleElement().asString().startsWith("state.json:").contains("moved it to state.json.corrupt-");
    assertThat(Files.exists(state)).isFalse();
  }

  @Test
  void renderTakesTheThemeAndTheMaxWidth() {
    CliRun dark = CliRun.of("render", "-d", "articles", "--color", "always", "--width", "70", "how-ketamine-works");
    CliRun light = CliRun.of("render", "-d", "articles", "--color", "always", "--width", "70", "--theme", "light",
        "how-ketamine-works");
    assertThat(dark.code()).isZero();
    assertThat(light.code()).isZero();
    // the title's colour: 117 in dark, 24 in light
    assertThat(dark.out()).contains("38;5;117").doesNotContain("38;5;24m");
    assertThat(light.out()).contains("38;5;24").doesNotContain("38;5;117");
    assertThat(CliRun.of("render", "-d", "articles", "--max-width", "5", "how-ketamine-works").code()).isEqualTo(Main.USAGE);
    assertThat(CliRun.of("read", "-d", "articles", "--theme", "sepia", "how-ketamine-works").code()).isEqualTo(Main.USAGE);
  }
}
