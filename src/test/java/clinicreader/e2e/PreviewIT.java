package clinicreader.e2e;

import static clinicreader.e2e.TmuxPane.START;
import static clinicreader.e2e.TmuxPane.STEP;
import static clinicreader.e2e.TmuxPane.plainRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * End to end, the packaged launcher in a tmux pane at 100x30: {@code preview} follows saves
 * made by another process (a temporary file moved over the article), and {@code e} hands the
 * terminal to an editor and takes it back. The user's state, config and cache folders are
 * temporary ones. Skipped only when tmux is not installed.
 */
class PreviewIT extends PaneCase {
  /** How soon a save must show. */
  private static final Duration RELOAD = Duration.ofSeconds(2);

  private Path article;

  /** The library with the draft, and a stand-in editor as {@code EDITOR}, before the pane starts. */
  @Override
  TmuxPane newPane() throws Exception {
    Path lib = Files.createDirectories(tmp.resolve("articles"));
    article = lib.resolve("knee-pain.md");
    Files.writeString(article, text("What to do first", "2026-11-01"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    // a stand-in editor named like vim (so it is given +LINE): notes its arguments, appends a line, exits
    Path editor = bin.resolve("vim");
    Files.writeString(editor, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + tmp.resolve("editor-args.txt") + "'\n"
        + "for last; do :; done\nprintf '\\nAdded by the editor in a new paragraph.\\n' >> \"$last\"\n");
    Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new TmuxPane(getClass().getSimpleName(), tmp, 100, 30, Map.of("EDITOR", editor.toString(), "VISUAL", ""));
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
    pane.type("./clinic-reader preview " + article + "; echo $? > " + tmp.resolve("exit.txt"));
    pane.waitFor("the preview", s -> plainRow(s, 28).contains("preview") && plainRow(s, 28).contains("check:"), START);
    pane.keys("2");
    pane.waitFor("section 2 at the top", s -> plainRow(s, 0).contains("2. What to do first"), STEP);
    pane.keys("j", "j");
    pane.waitFor("two lines into section 2", s -> plainRow(s, 0).contains("Paragraph 1 of What to do first"), STEP);

    saveByRename(text("First steps at home", "2026-11-01"));
    List<String> screen = pane.waitFor("the new heading", s -> s.stream().anyMatch(l -> l.contains("First steps at home")), RELOAD);
    assertThat(plainRow(screen, 0)).contains("Paragraph 1 of First steps at home");
    assertThat(plainRow(screen, 28)).matches(".*reloaded \\d\\d:\\d\\d:\\d\\d.*").contains("2/4");

    saveByRename(text("Broken for a moment", "2026-13-45"));
    screen = pane.waitFor("the red line", s -> plainRow(s, 0).contains("\u2716"), STEP);
    assertThat(plainRow(screen, 0)).contains("knee-pain.md:3:7: date: not a date");
    assertThat(plainRow(screen, 1)).contains("Paragraph 1 of First steps at home");

    saveByRename(text("Fixed again", "2026-11-01"));
    screen = pane.waitFor("the fix", s -> plainRow(s, 0).contains("Paragraph 1 of Fixed again"), STEP);
    assertThat(String.join("\n", screen)).doesNotContain("\u2716");
    pane.keys("q");
    pane.assertRestored(0);
  }

  @Test
  void eInAPreviewRunsTheEditorAndComesBackToTheReader() throws Exception {
    pane.type("./clinic-reader preview --no-watch " + article + "; echo $? > " + tmp.resolve("exit.txt"));
    checkEditorRoundTrip(false);
  }

  @Test
  void eInPlainReadingRunsTheEditorAndComesBackToTheReader() throws Exception {
    pane.type("./clinic-reader read --drafts -d " + article.getParent() + " knee-pain; echo $? > " + tmp.resolve("exit.txt"));
    checkEditorRoundTrip(true);
  }

  private void checkEditorRoundTrip(boolean library) throws Exception {
    pane.waitFor("the article", s -> plainRow(s, 28).contains("Knee pain after running"), START);
    pane.keys("4");
    pane.waitFor("section 4 at the top", s -> plainRow(s, 0).contains("4. References"), STEP);
    pane.keys("e");
    List<String> screen = pane.waitFor("the added text", s -> s.stream().anyMatch(l -> l.contains("Added by the editor")), STEP);
    assertThat(plainRow(screen, 0)).contains("4. References");
    int line = Files.readAllLines(article).indexOf("## References") + 1;
    assertThat(Files.readAllLines(tmp.resolve("editor-args.txt"))).containsExactly("+" + line, article.toString());
    assertThat(pane.format("#{alternate_on}")).isEqualTo("1");
    // the reader has the keyboard again
    pane.keys("1");
    pane.waitFor("section 1 at the top", s -> plainRow(s, 0).contains("1. Why knees hurt"), STEP);
    pane.keys("q");
    if (library) {
      // plain reading goes back to the library first; a preview quits
      pane.waitFor("the library", s -> plainRow(s, 0).contains("1/1 \u00b7 by date"), STEP);
      pane.keys("q");
    }
    pane.assertRestored(0);
  }
}
