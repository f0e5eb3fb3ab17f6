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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real launcher in a tmux pane (100x30) with its own state, config and cache
 * directories, started, quit or killed, and started again. What the reader remembers must
 * survive: the reading position, a bookmark made just before {@code kill -9}, and a garbage state
 * file must not stop it. Skipped only when tmux is not installed.
 */
class MemoryIT {
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
    socket = "clinic-reader-memory-it-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    newPane();
  }

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server");
  }

  @Test
  void reopeningAnArticleAfterARestartResumesAtSectionThree() throws Exception {
    ArticleMeta first = firstArticle();
    String heading = section(first.outline(), "3");
    startReader();
    keys("Enter");
    waitFor("the first article", s -> statusLine(s).contains("%"), STEP);
    keys("3");
    waitFor("section 3 at the top", s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading), STEP);
    keys("q");
    waitFor("the library", s -> firstRow(s).contains("Quillfield"), STEP);
    keys("q");
    waitForExit(0);

    startReader();
    keys("Enter");
    List<String> screen = waitFor("the article resumed at section 3",
        s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading), STEP);
    assertThat(statusLine(screen)).contains("resumed at 3. " + heading);
    keys("q", "q");
    waitForExit(0);
  }

  @Test
  void aBookmarkMadeBeforeKillNineIsThereAfterARestart() throws Exception {
    ArticleMeta first = firstArticle();
    String heading = section(first.outline(), "3");
    startReader();
    keys("Enter");
    waitFor("the first article", s -> statusLine(s).contains("%"), STEP);
    keys("3");
    waitFor("section 3 at the top", s -> firstRow(s).startsWith("3."), STEP);
    keys("m");
    waitFor("the bookmark message", s -> statusLine(s).contains("bookmarked 3. " + heading), STEP);
    ProcessHandle java = readerProcess();
    java.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(java.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
    // a killed reader leaves the terminal as it was: start over in a fresh pane
    tmux("kill-server");
    socket = socket + "-again";
    newPane();

    startReader();
    keys("'");
    List<String> screen = waitFor("the bookmarks list", s -> s.stream().anyMatch(l -> l.contains("Bookmarks")), STEP);
    assertThat(screen).anyMatch(l -> l.contains(first.title().substring(0, 20)) && l.contains("3. " + heading));
    keys("Enter");
    waitFor("the article at its bookmark", s -> firstRow(s).startsWith("3.") && firstRow(s).contains(heading)
        && statusLine(s).contains("at bookmark 3."), STEP);
    keys("q", "q");
    waitForExit(0);
  }

  @Test
  void aGarbageStateFileIsMovedAsideWithAWarningAndTheReaderWorks() throws Exception {
    Path dir = tmp.resolve("state/clinic-reader");
    Files.createDirectories(dir);
    Files.write(dir.resolve("state.json"), new byte[] {'{', 0x01, (byte) 0xff, 'x', '"'});
    startReader();
    List<String> screen = waitFor("the warning", s -> statusLine(s).contains("not a valid state file"), STEP);
    assertThat(statusLine(screen)).startsWith(" state.json:");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("state.json.corrupt-"));
    }
    keys("Enter");
    waitFor("an article", s -> statusLine(s).contains("%"), STEP);
    keys("q", "q");
    waitForExit(0);
    // the new state is good: the next start has nothing to warn about
    startReader();
    assertThat(statusLine(capture())).doesNotContain("state file");
    keys("q");
    waitForExit(0);
  }

  // ---- helpers

  private void newPane() throws Exception {
    Files.createDirectories(tmp.resolve("state"));
    Files.createDirectories(tmp.resolve("config"));
    Files.createDirectories(tmp.resolve("cache"));
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "it", "-c", PROJECT.toString(),
        "-e", "LANG=C.UTF-8",
        "-e", "XDG_STATE_HOME=" + tmp.resolve("state"),
        "-e", "XDG_CONFIG_HOME=" + tmp.resolve("config"),
        "-e", "XDG_CACHE_HOME=" + tmp.resolve("cache"),
        "bash --norc --noprofile");
    tmux("set-option", "-g", "status", "off");
    waitFor("the shell", s -> !firstRow(s).isEmpty(), STEP);
  }

  private void startReader() throws Exception {
    Files.deleteIfExists(tmp.resolve("exit.txt"));
    type("./clinic-reader; echo $? > " + tmp.resolve("exit.txt"));
    waitFor("the library", s -> s.stream().anyMatch(l -> l.contains("press c for contact"))
        && firstRow(s).contains("Quillfield"), START);
  }

  private void waitForExit(int code) throws Exception {
    Path exit = tmp.resolve("exit.txt");
    waitFor("the reader to exit", s -> {
      try {
        return Files.exists(exit) && Files.readString(exit).endsWith("\n");
      } catch (IOException e) {
        return false;
      }
    }, STEP);
    assertThat(Files.readString(exit).strip()).isEqualTo(Integer.toString(code));
  }

  private ProcessHandle readerProcess() throws Exception {
    long shell = Long.parseLong(tmux("display-message", "-p", "-t", "it", "#{pane_pid}").strip());
    ProcessHandle java = ProcessHandle.of(shell).orElseThrow().children().findFirst().orElseThrow();
    assertThat(java.info().command().orElse("")).endsWith("java");
    return java;
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
    return s.size() < 29 ? "" : s.get(28).replace('\u00a0', ' ');
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
