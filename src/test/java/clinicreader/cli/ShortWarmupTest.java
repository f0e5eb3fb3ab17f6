package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher records each short command's archive from these runs: they must all succeed. */
class ShortWarmupTest {
  @Test
  void everyShortCommandRunsCleanlyOnTheSample() throws Exception {
    for (String command : ShortWarmup.COMMANDS) {
      assertThat(ShortWarmup.run(command)).as(command).isEqualTo(Main.OK);
    }
  }

  @Test
  void anythingElseIsAUsageError() throws Exception {
    assertThat(ShortWarmup.run("read")).isEqualTo(Main.USAGE);
    assertThat(ShortWarmup.run("warmup")).isEqualTo(Main.USAGE);
  }

  @Test
  void theLauncherNamesTheSameCommands() throws Exception {
    String launcher = java.nio.file.Files.readString(java.nio.file.Path.of("clinic-reader"));
    assertThat(launcher).contains("  " + String.join("|", ShortWarmup.COMMANDS) + ")");
  }
}
