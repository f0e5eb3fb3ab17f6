package clinicreader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import clinicreader.content.Outline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real launcher in a tmux pane at 100x30, driven with send-keys and read back
 * with capture-pane. Every way of quitting must leave the terminal's settings ({@code stty -g}),
 * screen and cursor exactly as they were. Skipped only when tmux is not installed.
 */
class ReaderTerminalIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration STEP = Duration.ofSeconds(15);

  @TempDir Path tmp;
  private String socket;

  @BeforeAll
  static void needsTmux() {
    boolean ok;
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      ok = false;
    }
    assumeTrue(ok, "tmux is not installed");
  }

  @BeforeEach
  void startPane() throws Exception {
    socket = "clinic-reader-it-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "it", "-c", PROJECT.toString(),
        "-e", "LANG=C.UTF-8", "-e", "XDG_STATE_HOME=" + tmp.resolve("state"),
        "-e", "XDG_CONFIG_HOME=" + tmp.resolve("config"), "-e", "XDG_CACHE_HOME=" + tmp.resolve("cache"),
        "bash --norc --noprofile");
    tmux("set-option", "-g", "status", "off");
    waitFor("the shell", s -> !firstRow(s).isEmpty(), STEP);
    type("stty -g > " + tmp.resolve("before.txt"));
    waitForFile(tmp.resolve("before.txt"));
  }

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server");
  }

  @Test
  void readsSectionThreeShowsTheContactAndQuitsCleanly() throws Exception {
    ArticleMeta first = firstArticle();
    startReader();
    keys("Enter");
    waitFor("the first article", s -> statusLine(s).contains(first.title().substring(0, 20)) && statusLine(s).contains("%"), STEP);
    keys("3");
    String heading = section(first.outline(), "3");
    List<String> screen = waitFor("section 3 at the top", s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading), STEP);
    assertThat(screen.get(28)).contains("3/" + first.outline().topLevelCount());
    keys("c");
    waitFor("the contact panel with the phone", s -> s.stream().anyMatch(l -> l.contains("Phone") && l.contains("555-0142")), STEP);
    keys("c");
    waitFor("the panel closed", s -> s.stream().noneMatch(l -> l.contains("Phone ")), STEP);
    keys("q");
    waitFor("the library", s -> firstRow(s).contains("Quillfield"), STEP);
    keys("q");
    assertRestored(0);
  }

  @Test
  void ctrlCQuitsFromAnArticleAndRestoresTheTerminal() throws Exception {
    startReader();
    keys("Enter");
    waitFor("an article", s -> statusLine(s).contains("%"), STEP);
    keys("C-c");
    assertRestored(0);
  }

  @Test
  void sigtermQuitsAndRestoresTheTerminal() throws Exception {
    startReader();
    keys("Enter");
    waitFor("an article", s -> statusLine(s).contains("%"), STEP);
    long shell = Long.parseLong(tmux("display-message", "-p", "-t", "it", "#{pane_pid}").strip());
    ProcessHandle java = ProcessHandle.of(shell).orElseThrow().children().findFirst().orElseThrow();
    assertThat(java.info().command().orElse("")).endsWith("java");
    java.destroy(); // SIGTERM
    assertRestored(143);
  }

  @Test
  void wideCharactersAndEmojiReachTheRealTerminal() throws Exception {
    type("./clinic-reader read -d src/test/resources/clinicreader/tui/articles wide-text; echo $? > "
        + tmp.resolve("exit.txt"));
    List<String> screen = waitFor("the wide article", s -> statusLine(s).contains("%"), START);
    String line = screen.stream().filter(l -> l.contains("\u6f22\u5b57\u304b")).findFirst().orElseThrow();
    assertThat(line.strip()).isEqualTo("\u6f22\u5b57\u304b\u306a\u4ea4\u3058\u308a\u6587 \uD83D\uDE42 done.");
    assertThat(statusLine(screen)).contains("emoji \uD83D\uDE42").doesNotContain("??");
    keys("q", "q");
    assertRestored(0);
  }

  // ---- helpers

  private void startReader() throws Exception {
    type("./clinic-reader; echo $? > " + tmp.resolve("exit.txt"));
    waitFor("the library", s -> s.stream().anyMatch(l -> l.contains("press c for contact"))
        && firstRow(s).contains("Quillfield"), START);
  }

  private void assertRestored(int exitCode) throws Exception {
    Path exit = tmp.resolve("exit.txt");
    waitForFile(exit);
    assertThat(Files.readString(exit).strip()).isEqualTo(Integer.toString(exitCode));
    type("stty -g > " + tmp.resolve("after.txt"));
    waitForFile(tmp.resolve("after.txt"));
    assertThat(Files.readString(tmp.resolve("after.txt"))).isEqualTo(Files.readString(tmp.resolve("before.txt")));
    assertThat(tmux("display-message", "-p", "-t", "it", "#{alternate_on} #{cursor_flag}").strip()).isEqualTo("0 1");
    List<String> screen = capture();
    assertThat(screen.stream().anyMatch(l -> l.contains("; echo $? >"))).as("main screen is back").isTrue();
  }

  private static ArticleMeta firstArticle() throws Exception {
    Library lib = Library.open(PROJECT.resolve("articles"), 1 << 20);
    return lib.visible(false).stream().sorted(Library.Sort.DATE.comparator()).findFirst().orElseThrow();
  }

  private static String section(Outline o, String number) {
    return o.sections().get(o.indexOfNumber(number)).title();
  }

  private static String firstRow(List<String> s) {
    return s.isEmpty() ? "" : s.get(0).strip().replace('\u00a0', ' ');
  }

  private static String statusLine(List<String> s) {
    return s.size() < 29 ? "" : s.get(28);
  }

  private void type(String line) throws Exception {
    tmux("send-keys", "-t", "it", "-l", line);
    tmux("send-keys", "-t", "it", "Enter");
  }

  private void keys(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "it"));
    cmd.addAll(List.of(keys));
    tmux(cmd.toArray(new String[0]));
  }

  private List<String> capture() throws Exception {
    return List.of(tmux("capture-pane", "-p", "-t", "it").split("\n", -1));
  }

  private List<String> waitFor(String what, Predicate<List<String>> ok, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    List<String> screen = capture();
    while (!ok.test(screen)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what + "; the screen was:\n" + String.join("\n", screen));
      }
      Thread.sleep(100);
      screen = capture();
    }
    return screen;
  }

  private void waitForFile(Path file) throws Exception {
    waitFor(file.getFileName().toString(), s -> {
      try {
        return Files.exists(file) && Files.readString(file).endsWith("\n");
      } catch (IOException e) {
        return false;
      }
    }, STEP);
  }

  private String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tmux " + String.join(" ", args) + " did not finish");
    }
    if (p.exitValue() != 0 && !args[0].equals("kill-server")) {
      throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
