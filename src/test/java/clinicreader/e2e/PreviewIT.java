package clinicreader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * End to end, the packaged launcher in a tmux pane at 100x30: {@code preview} follows saves
 * made by another process (a temporary file moved over the article), and {@code e} hands the
 * terminal to an editor and takes it back. The user's state, config and cache folders are
 * temporary ones. Skipped only when tmux is not installed.
 */
class PreviewIT {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration STEP = Duration.ofSeconds(15);
  /** How soon a save must show. */
  private static final Duration RELOAD = Duration.ofSeconds(2);

  @TempDir Path tmp;
  private String socket;
  private Path article;

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
    Path lib = Files.createDirectories(tmp.resolve("articles"));
    article = lib.resolve("knee-pain.md");
    Files.writeString(article, text("What to do first", "2026-11-01"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    // a stand-in editor named like vim (so it is given +LINE): notes its arguments, appends a line, exits
    Path editor = bin.resolve("vim");
    Files.writeString(editor, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + tmp.resolve("editor-args.txt") + "'\n"
        + "for last; do :; done\nprintf '\\nAdded by the editor in a new paragraph.\\n' >> \"$last\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String d : List.of("state", "config", "cache")) Files.createDirectories(tmp.resolve(d));

    socket = "clinic-reader-preview-it-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "it", "-c", PROJECT.toString(),
        "-e", "LANG=C.UTF-8", "-e", "XDG_STATE_HOME=" + tmp.resolve("state"),
        "-e", "XDG_CONFIG_HOME=" + tmp.resolve("config"), "-e", "XDG_CACHE_HOME=" + tmp.resolve("cache"),
        "-e", "EDITOR=" + editor, "-e", "VISUAL=", "bash --norc --noprofile");
    tmux("set-option", "-g", "status", "off");
    waitFor("the shell", s -> !row(s, 0).isEmpty(), STEP);
    type("stty -g > " + tmp.resolve("before.txt"));
    waitForFile(tmp.resolve("before.txt"));
  }

  @AfterEach
  void killServer() throws Exception {
    tmux("kill-server");
  }

  private static String text(String secondHeading, String date) {
    StringBuilder sb = new StringBuilder("---\ntitle: Knee pain after running\ndate: " + date + "\ndraft: true\n"
        + "summary: What helps when your knee hurts after a run.\n---\n\n");
    String[] headings = {"Why knees hurt", secondHeading, "When to see us", "References"};
    for (String h : headings) {
      sb.append("## ").append(h).append("\n\n");
      for (int p = 1; p <= 8; p++) sb.append("Paragraph ").append(p).append(" of ").append(h).append(".\n\n");
    }
    return sb.toString();
  }

  /** Saves as vim does by default elsewhere and many IDEs: a temporary file moved over the article, by another process. */
  private void saveByRename(String content) throws Exception {
    Path staged = tmp.resolve("staged.md");
    Files.writeString(staged, content);
    Process mv = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2.tmp\" && mv \"$2.tmp\" \"$2\"", "sh",
        staged.toString(), article.toString()).redirectErrorStream(true).start();
    assertThat(mv.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mv.exitValue()).isZero();
  }

  @Test
  void previewShowsASavedHeadingWithinTwoSecondsInPlaceAndABrokenSaveUnderARedLine() throws Exception {
    type("./clinic-reader preview " + article + "; echo $? > " + tmp.resolve("exit.txt"));
    waitFor("the preview", s -> row(s, 28).contains("preview") && row(s, 28).contains("check:"), START);
    keys("2");
    waitFor("section 2 at the top", s -> row(s, 0).contains("2. What to do first"), STEP);
    keys("j", "j");
    waitFor("two lines into section 2", s -> row(s, 0).contains("Paragraph 1 of What to do first"), STEP);

    saveByRename(text("First steps at home", "2026-11-01"));
    List<String> screen = waitFor("the new heading", s -> s.stream().anyMatch(l -> l.contains("First steps at home")), RELOAD);
    assertThat(row(screen, 0)).contains("Paragraph 1 of First steps at home");
    assertThat(row(screen, 28)).matches(".*reloaded \\d\\d:\\d\\d:\\d\\d.*").contains("2/4");

    saveByRename(text("Broken for a moment", "2026-13-45"));
    screen = waitFor("the red line", s -> row(s, 0).contains("\u2716"), STEP);
    assertThat(row(screen, 0)).contains("knee-pain.md:3:7: date: not a date");
    assertThat(row(screen, 1)).contains("Paragraph 1 of First steps at home");

    saveByRename(text("Fixed again", "2026-11-01"));
    screen = waitFor("the fix", s -> row(s, 0).contains("Paragraph 1 of Fixed again"), STEP);
    assertThat(String.join("\n", screen)).doesNotContain("\u2716");
    keys("q");
    assertRestored(0);
  }

  @Test
  void eInAPreviewRunsTheEditorAndComesBackToTheReader() throws Exception {
    type("./clinic-reader preview --no-watch " + article + "; echo $? > " + tmp.resolve("exit.txt"));
    checkEditorRoundTrip(false);
  }

  @Test
  void eInPlainReadingRunsTheEditorAndComesBackToTheReader() throws Exception {
    type("./clinic-reader read --drafts -d " + article.getParent() + " knee-pain; echo $? > " + tmp.resolve("exit.txt"));
    checkEditorRoundTrip(true);
  }

  private void checkEditorRoundTrip(boolean library) throws Exception {
    waitFor("the article", s -> row(s, 28).contains("Knee pain after running"), START);
    keys("4");
    waitFor("section 4 at the top", s -> row(s, 0).contains("4. References"), STEP);
    keys("e");
    List<String> screen = waitFor("the added text", s -> s.stream().anyMatch(l -> l.contains("Added by the editor")), STEP);
    assertThat(row(screen, 0)).contains("4. References");
    int line = Files.readAllLines(article).indexOf("## References") + 1;
    assertThat(Files.readAllLines(tmp.resolve("editor-args.txt"))).containsExactly("+" + line, article.toString());
    assertThat(tmux("display-message", "-p", "-t", "it", "#{alternate_on}").strip()).isEqualTo("1");
    // the reader has the keyboard again
    keys("1");
    waitFor("section 1 at the top", s -> row(s, 0).contains("1. Why knees hurt"), STEP);
    keys("q");
    if (library) {
      // plain reading goes back to the library first; a preview quits
      waitFor("the library", s -> row(s, 0).contains("1/1 \u00b7 by date"), STEP);
      keys("q");
    }
    assertRestored(0);
  }

  // ---- helpers

  private void assertRestored(int exitCode) throws Exception {
    Path exit = tmp.resolve("exit.txt");
    waitForFile(exit);
    assertThat(Files.readString(exit).strip()).isEqualTo(Integer.toString(exitCode));
    type("stty -g > " + tmp.resolve("after.txt"));
    waitForFile(tmp.resolve("after.txt"));
    assertThat(Files.readString(tmp.resolve("after.txt"))).isEqualTo(Files.readString(tmp.resolve("before.txt")));
    assertThat(tmux("display-message", "-p", "-t", "it", "#{alternate_on} #{cursor_flag}").strip()).isEqualTo("0 1");
  }

  private static String row(List<String> s, int i) {
    return s.size() <= i ? "" : s.get(i).strip().replace('\u00a0', ' ');
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
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + "; the screen was:\n" + String.join("\n", screen));
      }
      Thread.sleep(50);
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
