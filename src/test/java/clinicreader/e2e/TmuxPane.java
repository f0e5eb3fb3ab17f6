package clinicreader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A bash shell in a tmux pane on its own server ({@code tmux -L}), in the project directory,
 * with its own state, config and cache directories under {@code tmp}, for driving the real
 * launcher: type lines, send keys, read the screen back, find the reader's JVM among the pane's
 * processes, and check that the terminal was given back ({@code stty -g}, main screen, cursor).
 *
 * <p>{@link #screen()} and {@link #waitFor} read the screen row by row, so row {@code i} is the
 * pane's row {@code i} ({@link #statusLine}, {@link #ctaLine}); {@link #capture()} joins lines
 * the shell wrapped, for reading long shell output whole.
 */
public final class TmuxPane implements AutoCloseable {
  /** The project directory (tests run from it). */
  public static final Path PROJECT = Path.of("").toAbsolutePath();
  /** The first start may build the jar and the class-data archive. */
  public static final Duration START = Duration.ofSeconds(120);
  /** What one key and the redraw after it may take. */
  public static final Duration STEP = Duration.ofSeconds(15);
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final String socket;
  private final Path tmp;
  private final int height;

  /** Whether tmux can be run here. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Starts the pane ({@code width} x {@code height}) and records {@code stty -g} in tmp/before.txt. */
  public TmuxPane(String name, Path tmp, int width, int height) throws Exception {
    this(name, tmp, width, height, Map.of());
  }

  /** As {@link #TmuxPane(String, Path, int, int)}, with more environment for the shell ({@code EDITOR}). */
  public TmuxPane(String name, Path tmp, int width, int height, Map<String, String> env) throws Exception {
    this.tmp = Files.createDirectories(tmp);
    this.height = height;
    this.socket = "clinic-reader-" + name + "-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path config = Files.createDirectories(tmp.resolve("config"));
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-x", Integer.toString(width),
        "-y", Integer.toString(height), "-s", "it", "-c", PROJECT.toString(), "-e", "LANG=C.UTF-8",
        "-e", "XDG_STATE_HOME=" + state, "-e", "XDG_CONFIG_HOME=" + config, "-e", "XDG_CACHE_HOME=" + cache));
    new TreeMap<>(env).forEach((k, v) -> cmd.addAll(List.of("-e", k + "=" + v)));
    cmd.add("bash --norc --noprofile");
    tmux(cmd.toArray(new String[0]));
    tmux("set-option", "-g", "status", "off");
    waitFor("the shell", s -> s.stream().anyMatch(l -> !l.isBlank()), STEP);
    type("stty -g > " + tmp.resolve("before.txt"));
    waitForFile(tmp.resolve("before.txt"));
  }

  /** Types a line into the shell and presses Enter. */
  public void type(String line) throws Exception {
    send(line);
    keys("Enter");
  }

  /** Types text as it is (no key names), without pressing Enter. */
  public void send(String text) throws Exception {
    tmux("send-keys", "-t", "it", "-l", text);
  }

  /** Sends tmux key names ("Enter", "C-c", "q"). */
  public void keys(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "it"));
    cmd.addAll(List.of(keys));
    tmux(cmd.toArray(new String[0]));
  }

  /** The screen, one string per line; lines the terminal wrapped joined (for long shell output). */
  public List<String> capture() throws Exception {
    return List.of(tmux("capture-pane", "-p", "-J", "-t", "it").split("\n", -1));
  }

  /** The screen, one string per row as shown (trailing spaces dropped): row {@code i} is the pane's row {@code i}. */
  public List<String> screen() throws Exception {
    return List.of(tmux("capture-pane", "-p", "-t", "it").split("\n", -1));
  }

  /** The screen as shown, with the escape sequences of its colours and attributes ({@code capture-pane -e}). */
  public String captureWithEscapes() throws Exception {
    return tmux("capture-pane", "-e", "-p", "-t", "it");
  }

  /** Row {@code i} of a {@link #screen()} as shown; empty when there is no such row. */
  public static String row(List<String> screen, int i) {
    return i < screen.size() ? screen.get(i) : "";
  }

  /** Row {@code i} as a reader reads it: stripped, no-break spaces as spaces; empty when there is no such row. */
  public static String plainRow(List<String> screen, int i) {
    return row(screen, i).strip().replace('\u00a0', ' ');
  }

  /** The top row as a reader reads it ({@link #plainRow}). */
  public static String firstRow(List<String> screen) {
    return plainRow(screen, 0);
  }

  /** The reader's status line, the second row from the bottom, as shown. */
  public String statusLine(List<String> screen) {
    return row(screen, height - 2);
  }

  /** The reader's bottom row (its call to action, such as "press c for contact"), as shown. */
  public String ctaLine(List<String> screen) {
    return row(screen, height - 1);
  }

  /** A pane or window format, such as {@code #{alternate_on}}. */
  public String format(String f) throws Exception {
    return tmux("display-message", "-p", "-t", "it", f).strip();
  }

  /**
   * Reads the {@link #screen()} until {@code ok} holds and returns it; fails after {@code timeout}
   * naming {@code what} it waited for and showing the screen.
   */
  public List<String> waitFor(String what, Predicate<List<String>> ok, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    List<String> screen = screen();
    while (!ok.test(screen)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + "; the screen was:\n" + String.join("\n", screen));
      }
      // often enough that a deadline of a second or two measures the reader, not the polling
      Thread.sleep(50);
      screen = screen();
    }
    return screen;
  }

  /** Waits until {@code file} exists and ends with a newline (a shell redirect finished). */
  public void waitForFile(Path file) throws Exception {
    waitFor(file.getFileName().toString(), s -> {
      try {
        return Files.exists(file) && Files.readString(file).endsWith("\n");
      } catch (IOException e) {
        return false;
      }
    }, STEP);
  }

  /** The pane's shell process. */
  public ProcessHandle shell() throws Exception {
    return ProcessHandle.of(Long.parseLong(format("#{pane_pid}"))).orElseThrow();
  }

  /** The reader's JVM: the pane shell's descendant running java (never looked up by name elsewhere). */
  public ProcessHandle readerJvm() throws Exception {
    ProcessHandle shell = shell();
    return shell.descendants()
        .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
        .orElseThrow(() -> new AssertionError("no java process under the pane's shell " + shell.pid()));
  }

  /** Sends a signal ("HUP", "TERM") to one process id. */
  public static void signal(ProcessHandle p, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).redirectErrorStream(true).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", name, p.pid()).isTrue();
  }

  /**
   * After the command typed with {@code ; echo $? > tmp/exit.txt} ended: its exit code, the tty
   * settings as before, the main screen back and the cursor shown.
   */
  public void assertRestored(int exitCode) throws Exception {
    assertExit(exitCode);
    Path after = tmp.resolve("after.txt");
    Files.deleteIfExists(after);
    type("stty -g > " + after);
    waitForFile(after);
    assertThat(Files.readString(after)).as("stty -g").isEqualTo(Files.readString(tmp.resolve("before.txt")));
    assertThat(format("#{alternate_on} #{cursor_flag}")).as("alternate screen off, cursor shown").isEqualTo("0 1");
    assertThat(capture().stream().anyMatch(l -> l.contains("; echo $? >"))).as("main screen is back").isTrue();
  }

  /** Waits for the command typed with {@code ; echo $? > tmp/exit.txt} to end and checks its exit code. */
  public void assertExit(int exitCode) throws Exception {
    Path exit = tmp.resolve("exit.txt");
    waitForFile(exit);
    assertThat(Files.readString(exit).strip()).as("exit code").isEqualTo(Integer.toString(exitCode));
  }

  public String tmux(String... args) throws Exception {
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

  /** Ends this tmux server (and the shell and anything still running in the pane). */
  @Override
  public void close() throws Exception {
    tmux("kill-server");
  }
}
