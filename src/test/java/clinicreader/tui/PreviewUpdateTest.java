package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ContentException;
import clinicreader.content.Problem;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live preview through the update step (and drawn on a virtual terminal): reloads, broken saves, findings, the editor key. */
class PreviewUpdateTest {
  private static final LocalTime AT = LocalTime.of(14, 2, 11);
  private final Fixture fx = new Fixture();
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void write() throws IOException {
    file = dir.resolve("knee-pain.md");
    Files.writeString(file, article("First steps", ""));
  }

  /** An article with five sections of many lines; {@code second} is the second heading, {@code extra} goes into section 1. */
  private static String article(String second, String extra) {
    StringBuilder sb = new StringBuilder("---\ntitle: Knee pain after running\ndate: 2026-11-01\n"
        + "summary: What helps when your knee hurts after a run.\n---\n\n");
    String[] headings = {"Why knees hurt", second, "When to see us", "Exercises", "References"};
    for (int i = 0; i < headings.length; i++) {
      sb.append("## ").append(headings[i]).append("\n\n");
      if (i == 0) sb.append(extra);
      for (int p = 1; p <= 6; p++) sb.append("Paragraph ").append(p).append(" of ").append(headings[i]).append(".\n\n");
    }
    return sb.toString();
  }

  private Intent.Reloaded load(LocalTime at, List<Problem> findings) {
    try {
      Article.Loaded l = Article.load(file, "knee-pain", 1 << 20);
      return new Intent.Reloaded("knee-pain", new PageLayout.Input(l.article(), fx.clinic, List.of()),
          l.problems().stream().map(Problem::brief).toList(), findings, at);
    } catch (ContentException e) {
      throw new IllegalStateException(e);
    }
  }

  private ReaderState live(int w, int h) {
    ReaderState start = fx.library(w, h).with(PreviewState.started());
    return fx.update.apply(start, load(null, List.of())).state();
  }

  private ReaderState apply(ReaderState s, Intent... intents) {
    for (Intent i : intents) s = fx.update.apply(s, i).state();
    return s;
  }

  private static String title(ReaderState s) {
    return s.article().outline().sections().get(s.article().section()).title();
  }

  private static int offsetInSection(ReaderState s) {
    ReaderState.ArticleView a = s.article();
    return a.top() - a.page().sectionLines().get(a.section());
  }

  private static String topLine(ReaderState s) {
    return s.article().page().lines().get(s.article().top()).text();
  }

  @Test
  void aReloadKeepsTheSectionAndTheLineWhenTextIsAddedAboveAndTheHeadingIsRenamed() throws IOException {
    ReaderState s = apply(live(100, 30), new Intent.JumpSection("2"), new Intent.Move(3));
    assertThat(title(s)).isEqualTo("First steps");
    assertThat(offsetInSection(s)).isEqualTo(3);
    String line = topLine(s);
    int before = s.article().top();

    Files.writeString(file, article("First steps at home", "A new paragraph.\n\nAnd another one.\n\n"));
    ReaderState r = apply(s, load(AT, List.of()));

    assertThat(r.article().section()).isEqualTo(1);
    assertThat(title(r)).isEqualTo("First steps at home");
    assertThat(offsetInSection(r)).isEqualTo(3);
    assertThat(topLine(r)).isEqualTo(line);
    assertThat(r.article().top()).isEqualTo(before + 4);
    assertThat(r.preview().reloaded()).isEqualTo("14:02:11");
    assertThat(r.preview().error()).isNull();
  }

  @Test
  void aReloadFollowsItsSectionWhenOneIsInsertedBeforeIt() throws IOException {
    ReaderState s = apply(live(100, 30), new Intent.JumpSection("3"), new Intent.Move(2));
    assertThat(title(s)).isEqualTo("When to see us");
    Files.writeString(file, article("First steps", "").replace("## When to see us",
        "## A brand new section\n\nWith some text.\n\n## When to see us"));
    ReaderState r = apply(s, load(AT, List.of()));
    assertThat(title(r)).isEqualTo("When to see us");
    assertThat(r.article().section()).isEqualTo(3);
    assertThat(offsetInSection(r)).isEqualTo(2);
  }

  @Test
  void aReloadAtTheTopStaysAtTheTopAndKeepsTheSidebar() throws IOException {
    ReaderState s = live(120, 40);
    assertThat(s.article().sidebar()).isTrue();
    Files.writeString(file, article("Renamed", ""));
    ReaderState r = apply(s, load(AT, List.of()));
    assertThat(r.article().top()).isZero();
    assertThat(r.article().sidebar()).isTrue();
    assertThat(r.article().outline().sections().get(1).title()).isEqualTo("Renamed");
  }

  @Test
  void aBrokenFrontMatterKeepsTheLastGoodVersionUnderAnErrorUntilFixed() throws IOException {
    ReaderState s = apply(live(100, 30), new Intent.JumpSection("2"));
    Files.writeString(file, article("Changed while broken", "").replace("date: 2026-11-01", "date: 2026-13-45"));
    ReaderState broken = apply(s, load(AT, List.of()));
    assertThat(broken.article()).isSameAs(s.article());
    assertThat(broken.preview().error()).startsWith(Problem.display(file) + ":3:7: ").contains("2026-13-45");
    assertThat(title(broken)).isEqualTo("First steps");

    Files.writeString(file, article("Fixed", ""));
    ReaderState fixed = apply(broken, load(AT.plusSeconds(5), List.of()));
    assertThat(fixed.preview().error()).isNull();
    assertThat(fixed.preview().reloaded()).isEqualTo("14:02:16");
    assertThat(title(fixed)).isEqualTo("Fixed");
  }

  @Test
  void aFileThatCannotBeReadKeepsTheLastGoodVersionToo() {
    ReaderState s = live(100, 30);
    ReaderState r = apply(s, new Intent.ReloadFailed("knee-pain", "knee-pain.md: cannot read: no such file", AT));
    assertThat(r.article()).isSameAs(s.article());
    assertThat(r.preview().error()).isEqualTo("knee-pain.md: cannot read: no such file");
  }

  @Test
  void theBannerAndTheStatusLineOnScreen() throws IOException {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    Problem finding = Problem.error(file, 12, 3, "link to missing article \"finance\"", "broken-link");
    Problem warning = Problem.warning(file, 0, 0, "no References section", "no-references");
    ReaderSession session = new ReaderSession(screen, fx.update, fx.keymap, fx.source(), Theme.dark(),
        fx.library(100, 30).with(PreviewState.started()));
    session.dispatch(load(null, List.of(finding, finding, warning)));
    session.dispatch(new Intent.JumpSection("2"));
    session.draw();
    List<String> rows = rows(vt);
    assertThat(rows.get(0)).contains("2. First steps");
    assertThat(rows.get(28)).contains("preview \u00b7 check: 2 errors, 1 warning (! lists)");

    Files.writeString(file, article("First steps", "").replace("date: 2026-11-01", "date: 2026-13-45"));
    session.dispatch(load(AT, List.of()));
    session.draw();
    rows = rows(vt);
    assertThat(rows.get(0)).startsWith(" \u2716 " + Problem.display(file) + ":3:7: date:");
    // a red line, to its end
    assertThat(vt.getCharacter(3, 0).getBackgroundColor()).isEqualTo(new TextColor.Indexed(124));
    assertThat(vt.getCharacter(99, 0).getBackgroundColor()).isEqualTo(new TextColor.Indexed(124));
    assertThat(vt.getCharacter(3, 1).getBackgroundColor()).isNotEqualTo(new TextColor.Indexed(124));
    assertThat(rows.get(1)).contains("2. First steps");

    Files.writeString(file, article("First steps", ""));
    session.dispatch(load(AT, List.of()));
    session.draw();
    rows = rows(vt);
    assertThat(rows.get(0)).contains("2. First steps").doesNotContain("\u2716");
    assertThat(rows.get(28)).contains("reloaded 14:02:11 \u00b7 check: ok");
  }

  @Test
  void bangListsTheFindingsAndClosesAgain() {
    Problem a = Problem.error(file, 12, 3, "link to missing article \"finance\"", "broken-link");
    Problem b = Problem.warning(file, 0, 0, "no References section", "no-references");
    ReaderState s = apply(live(100, 30), load(AT, List.of(a, b)));
    ReaderState open = apply(s, fx.keymap.intent(s, Key.of("!")));
    assertThat(open.overlay()).isEqualTo(ReaderState.Overlay.FINDINGS);
    String text = Panels.lines(open, fx.keymap).stream().map(l -> l.text()).reduce("", (x, y) -> x + y + "\n");
    assertThat(text).contains("12:3: error: link to missing article \"finance\" [broken-link]")
        .contains("warning: no References section [no-references]").contains("check: 1 error, 1 warning");
    ReaderState closed = apply(open, fx.keymap.intent(open, Key.of("!")));
    assertThat(closed.overlay()).isEqualTo(ReaderState.Overlay.NONE);
    assertThat(apply(open, fx.keymap.intent(open, Key.of("Esc"))).overlay()).isEqualTo(ReaderState.Overlay.NONE);

    // plain reading has no check: a one-line note instead
    ReaderState reading = fx.article("long-guide", 100, 30);
    assertThat(apply(reading, new Intent.ToggleFindings()).message()).contains("clinic-reader preview");
  }

  @Test
  void eAsksToEditTheFileAtTheCurrentSectionsLine() throws IOException {
    ReaderState s = apply(live(100, 30), new Intent.JumpSection("3"), new Intent.Move(2));
    Update.Step step = fx.update.apply(s, fx.keymap.intent(s, Key.of("e")));
    int headingLine = Files.readAllLines(file).indexOf("## When to see us") + 1;
    assertThat(step.effects()).containsExactly(new Effect.Edit(file, headingLine));
    // above the first section: the top of the file
    assertThat(fx.update.apply(live(100, 30), new Intent.Edit()).effects()).containsExactly(new Effect.Edit(file, 1));
    // in normal reading too
    ReaderState reading = fx.article("long-guide", 100, 30);
    assertThat(fx.update.apply(reading, new Intent.Edit()).effects()).hasSize(1);
    assertThat(fx.update.apply(reading, new Intent.EditFailed("Cannot start the editor 'nope'")).state().message())
        .isEqualTo("Cannot start the editor 'nope'");
  }

  @Test
  void aChangedFileAsksForAReloadAndQInAPreviewQuits() {
    ReaderState s = live(100, 30);
    assertThat(fx.update.apply(s, new Intent.FileChanged()).effects()).containsExactly(new Effect.Reload("knee-pain"));
    assertThat(fx.update.apply(s, new Intent.Back()).effects()).containsExactly(new Effect.Quit());
    ReaderState reading = fx.article("long-guide", 100, 30);
    Update.Step back = fx.update.apply(reading, new Intent.Back());
    assertThat(back.effects()).isEmpty();
    assertThat(back.state().screen()).isEqualTo(ReaderState.Screen.LIBRARY);
  }

  @Test
  void theSessionRunsTheEditorThenReloadsInPlace() throws IOException {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    ReaderSession session = new ReaderSession(screen, fx.update, fx.keymap, fx.source(), Fixture.THEME,
        fx.library(100, 30).with(PreviewState.started()));
    List<Effect.Edit> asked = new ArrayList<>();
    session.reloader(slug -> load(AT, List.of()));
    session.editor(e -> {
      asked.add(e);
      try {
        Files.writeString(file, Files.readString(file).replace("Paragraph 1 of When to see us.",
            "Paragraph 1 of When to see us.\n\nAdded by the editor."));
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
      return new Intent.FileChanged();
    });
    session.dispatch(load(null, List.of()));
    session.dispatch(new Intent.JumpSection("3"));
    session.key(KeyStroke.fromString("e"));
    session.draw();
    assertThat(asked).hasSize(1);
    List<String> rows = rows(vt);
    assertThat(rows.get(0)).contains("3. When to see us");
    assertThat(String.join("\n", rows)).contains("Added by the editor.");
    assertThat(rows.get(28)).contains("reloaded 14:02:11");
  }

  @Test
  void intentsPostedFromAnotherThreadAreAppliedOnDrain() throws Exception {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    ReaderSession session = new ReaderSession(screen, fx.update, fx.keymap, fx.source(), Fixture.THEME,
        fx.library(100, 30).with(PreviewState.started()));
    session.reloader(slug -> load(AT, List.of()));
    session.dispatch(load(null, List.of()));
    assertThat(session.drainPosted()).isFalse();
    Thread t = new Thread(() -> session.post(new Intent.FileChanged()));
    t.start();
    t.join();
    assertThat(session.drainPosted()).isTrue();
    assertThat(session.state().preview().reloaded()).isEqualTo("14:02:11");
  }

  private static List<String> rows(DefaultVirtualTerminal vt) {
    List<String> out = new ArrayList<>();
    TerminalSize size = vt.getTerminalSize();
    for (int r = 0; r < size.getRows(); r++) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < size.getColumns(); c++) {
        TextCharacter tc = vt.getCharacter(c, r);
        sb.append(tc.getCharacterString());
        if (tc.isDoubleWidth()) c++;
      }
      out.add(sb.toString().replace('\u00a0', ' ').stripTrailing());
    }
    return out;
  }
}
