package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Theme;
import clinicreader.state.StateStore;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader with a memory on disk, drawn on Lanterna's virtual terminal: unread marks, resuming
 * after a restart (a new session on the same state directory), the bookmarks list, and themes.
 */
class MemoryScreenTest {
  private final Fixture fx = new Fixture();
  @TempDir Path dir;

  private final class Harness {
    final DefaultVirtualTerminal vt;
    final ReaderSession session;
    final ReadingMemory memory;

    Harness(int w, int h, Theme theme, List<String> warnings) throws IOException {
      vt = new DefaultVirtualTerminal(new TerminalSize(w, h));
      TerminalScreen screen = new TerminalScreen(vt);
      screen.startScreen();
      StateStore store = new StateStore(dir);
      List<String> all = new ArrayList<>(warnings);
      store.load().ifPresent(all::add);
      memory = new ReadingMemory(store);
      Keymap keymap = Keymap.standard();
      session = new ReaderSession(screen, new Update(keymap, theme, Geometry.DEFAULT_MAX_WIDTH), keymap, fx.source(),
          theme, memory.start(fx.library(w, h), all), memory);
      session.draw();
    }

    Harness(int w, int h) throws IOException {
      this(w, h, Fixture.THEME, List.of());
    }

    Harness keys(String... keys) throws IOException {
      for (String k : keys) {
        KeyStroke ks = switch (k) {
          case "Enter" -> new KeyStroke(KeyType.Enter);
          case "Esc" -> new KeyStroke(KeyType.Escape);
          default -> new KeyStroke(k.charAt(0), false, false);
        };
        session.key(ks);
        session.draw();
      }
      return this;
    }

    List<String> rows() {
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

  @Test
  void theLibraryMarksArticlesNotReadYet() throws IOException {
    Harness h = new Harness(100, 30);
    assertThat(h.rows().get(2)).contains("\u25b8 \u2022 A long guide with twelve sections");
    assertThat(h.rows().get(3)).startsWith("      1 February 2026");
    assertThat(h.rows().get(4)).contains("  \u2022 Wide text");
    h.keys("Enter", "q");
    assertThat(h.rows().get(2)).contains("\u25b8   A long guide").doesNotContain("\u2022");
    assertThat(h.rows().get(4)).contains("\u2022 Wide text");
    h.keys("j", "u");
    assertThat(h.rows().get(4)).doesNotContain("\u2022");
    // the marks are on disk: a new reader shows the same
    Harness again = new Harness(100, 30);
    assertThat(again.rows().get(2)).doesNotContain("\u2022");
    assertThat(again.rows().get(4)).doesNotContain("\u2022");
  }

  @Test
  void aNewReaderResumesAtTheSectionWhereTheLastOneQuit() throws IOException {
    Harness h = new Harness(100, 30).keys("Enter", "3", "q", "q");
    assertThat(h.session.running()).isFalse();
    assertThat(Files.readString(dir.resolve(StateStore.FILE))).contains("long-guide").contains("results");
    Harness again = new Harness(100, 30).keys("Enter");
    assertThat(again.rows().get(0)).contains("3. Results");
    assertThat(again.rows().get(28)).contains("resumed at 3. Results");
  }

  @Test
  void theBookmarksListShowsArticleAndSection() throws IOException {
    Harness h = new Harness(100, 30).keys("Enter", "3", "m");
    assertThat(h.rows().get(28)).contains("bookmarked 3. Results");
    h.keys("q", "'");
    String screen = String.join("\n", h.rows());
    assertThat(screen).contains("Bookmarks").contains("A long guide with twelve sections \u00b7 3. Results")
        .contains("d deletes");
    h.keys("Enter");
    assertThat(h.rows().get(0)).contains("3. Results");
    assertThat(h.rows().get(28)).contains("at bookmark 3. Results");
  }

  @Test
  void bigBFiltersTheLibraryAndTheHeaderSaysSo() throws IOException {
    Harness h = new Harness(100, 30).keys("j", "Enter", "m", "q", "B");
    assertThat(h.rows().get(0)).contains("bookmarked \u00b7 1/1");
    assertThat(String.join("\n", h.rows())).contains("Wide text").doesNotContain("A long guide");
  }

  @Test
  void aWarningAtStartIsOnTheStatusLineAndTheReaderWorks() throws IOException {
    Files.writeString(dir.resolve(StateStore.FILE), "{ this is not json");
    Harness h = new Harness(100, 30);
    assertThat(h.rows().get(28)).contains("not a valid state file");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("state.json.corrupt-"));
    }
    h.keys("Enter", "3");
    assertThat(h.rows().get(0)).contains("3. Results");
  }

  @Test
  void aStateDirectoryThatCannotBeWrittenGivesOneLineAndTheReaderKeepsWorking() throws IOException {
    // a file where the directory should be fails for every user, root included (unlike chmod)
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "not a directory");
    dir = blocker.resolve("clinic-reader");
    Harness h = new Harness(100, 30);
    h.keys("Enter", "3", "m");
    assertThat(h.rows().get(28)).contains("could not save reading state").contains("Not a directory");
    h.keys("q");
    assertThat(h.rows().get(2)).as("still marked read for this session").doesNotContain("\u2022");
    h.keys("'");
    assertThat(String.join("\n", h.rows())).contains("3. Results");
    h.keys("Esc", "Enter");
    assertThat(h.rows().get(0)).contains("3. Results");
  }

  // ---- themes: a cell's colours

  @Test
  void theThemeDecidesTheColoursOfTheCells() throws IOException {
    TextCharacter dark = new Harness(100, 30, Theme.dark(), List.of()).vt.getCharacter(5, 28);
    TextCharacter light = new Harness(100, 30, Theme.light(), List.of()).vt.getCharacter(5, 28);
    TextCharacter mono = new Harness(100, 30, Theme.mono(), List.of()).vt.getCharacter(5, 28);
    assertThat(dark.getBackgroundColor()).isEqualTo(new TextColor.Indexed(237));
    assertThat(light.getBackgroundColor()).isEqualTo(new TextColor.Indexed(252));
    assertThat(light.getForegroundColor()).isEqualTo(new TextColor.Indexed(16));
    assertThat(mono.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    assertThat(mono.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    assertThat(mono.getModifiers()).contains(SGR.REVERSE);
  }
}
