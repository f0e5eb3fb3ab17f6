package clinicreader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, finding things with the real launcher in a tmux pane at 100x30: search the
 * library for "midazolam", open the result at its match (highlighted on screen, "match 1 of" in
 * the status line), follow a link to another article with {@code f} and come back to the same
 * line with Backspace. State, config and cache go to temporary directories. Skipped only when
 * tmux is not installed.
 */
class FindIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final Pattern INTERNAL = Pattern.compile("\u2039(\\d+)\u203a[^\u2502]*\\.md");

  /** The article opens at the first match in the section of the best one: not always the first on the page. */
  private static final Pattern MATCH = Pattern.compile("match \\d+ of \\d+");

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
    socket = "clinic-reader-find-" + ProcessHandle.current().pid();
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "it", "-c", PROJECT.toString(),
        "-e", "LANG=C.UTF-8", "-e", "XDG_STATE_HOME=" + dir("state"), "-e", "XDG_CONFIG_HOME=" + dir("config"),
        "-e", "XDG_CACHE_HOME=" + dir("cache"), "bash --norc --noprofile");
    tmux("set-option", "-g", "status", "off");
    waitFor("the shell", s -> !s.get(0).isBlank(), STEP);
  }

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server");
  }

  @Test
  void searchOpensTheMatchHighlightedAndALinkLeadsBackToTheSameLine() throws Exception {
    tmux("send-keys", "-t", "it", "-l", "./clinic-reader --theme dark");
    tmux("send-keys", "-t", "it", "Enter");
    waitFor("the library", s -> s.get(0).contains("Quillfield") && s.get(29).contains("press c for contact"), START);
    keys("/");
    waitFor("the search prompt", s -> s.get(28).startsWith(" /"), STEP);
    tmux("send-keys", "-t", "it", "-l", "midazolam");
    waitFor("the narrowed list", s -> s.get(28).contains("/midazolam") && s.get(28).contains("found"), STEP);
    keys("Enter");
    List<String> article = waitFor("the article at its match", s -> MATCH.matcher(s.get(28)).find(), STEP);
    assertThat(String.join("\n", article.subList(0, 28)).toLowerCase()).contains("midazolam");
    String colours = tmux("capture-pane", "-e", "-p", "-t", "it");
    assertThat(highlighted(colours, "midazolam")).as("the match is drawn in its own colours:\n" + colours).isTrue();

    String firstRow = article.get(0);
    String status = article.get(28);
    keys("l");
    List<String> list = waitFor("the link list", s -> String.join("\n", s).contains("Links on this page"), STEP);
    Matcher m = INTERNAL.matcher(String.join("\n", list));
    assertThat(m.find()).as("a link to another article:\n" + String.join("\n", list)).isTrue();
    String number = m.group(1);
    keys("Escape");
    waitFor("the list closed", s -> !String.join("\n", s).contains("Links on this page"), STEP);
    keys("f");
    waitFor("the link prompt", s -> s.get(28).contains("Follow link:"), STEP);
    tmux("send-keys", "-t", "it", "-l", number);
    Thread.sleep(300);
    if (capture().get(28).contains("Follow link:")) keys("Enter");
    waitFor("another article", s -> !MATCH.matcher(s.get(28)).find() && s.get(28).contains("%")
        && !s.get(0).equals(firstRow), STEP);
    keys("BSpace");
    List<String> back = waitFor("the same line of the first article", s -> s.get(0).equals(firstRow) && s.get(28).equals(status), STEP);
    assertThat(back.get(0)).isEqualTo(firstRow);
    keys("q", "q");
    waitFor("the shell again", s -> String.join("\n", s).contains("./clinic-reader --theme dark"), STEP);
  }

  /** Whether {@code word} shows with a background or reverse video that ends right after it. */
  private static boolean highlighted(String ansi, String word) {
    String lower = ansi.toLowerCase();
    for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      String before = ansi.substring(Math.max(0, at - 40), at);
      int lastEsc = before.lastIndexOf('\u001b');
      boolean styled = lastEsc >= 0 && before.substring(lastEsc).matches("(?s)\u001b\\[[0-9;]*m")
          && (before.contains("48;5;") || before.contains("[7m") || before.contains(";7m"));
      boolean ends = at + word.length() < ansi.length() && ansi.charAt(at + word.length()) == '\u001b';
      if (styled && ends) return true;
    }
    return false;
  }

  private String dir(String name) throws IOException {
    return java.nio.file.Files.createDirectories(tmp.resolve(name)).toString();
  }

  private void keys(String... keys) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "it"));
    cmd.addAll(List.of(keys));
    tmux(cmd.toArray(new String[0]));
  }

  private List<String> capture() throws Exception {
    List<String> rows = new ArrayList<>(List.of(tmux("capture-pane", "-p", "-t", "it").split("\n", -1)));
    while (rows.size() < 30) rows.add("");
    return rows;
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
      throw new AssertionError("tmux did not answer: " + cmd);
    }
    return out;
  }
}
