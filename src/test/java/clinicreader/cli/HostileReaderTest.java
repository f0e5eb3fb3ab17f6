package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import clinicreader.cli.HostileCorpus.Case;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Text;
import clinicreader.layout.Theme;
import clinicreader.tui.FindSource;
import clinicreader.tui.Geometry;
import clinicreader.tui.Keymap;
import clinicreader.tui.ReaderSession;
import clinicreader.tui.ReaderState;
import clinicreader.tui.Update;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal reader on every case of the {@link HostileCorpus}, headless on Lanterna's
 * virtual terminal, built the way the launcher builds it: the library list, every listed
 * article opened, paged through to the end, searched (n, N), its link list and the contact
 * and help panels opened, and the window shrunk. After every key no exception has escaped,
 * no painted cell holds a character a terminal could act on (C0, DEL, C1, bidi controls,
 * line separators), and an article that cannot be shown leaves a one-line message instead.
 */
class HostileReaderTest {
  /** A hang guard per case, not a speed target. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  /** Enough pages to see the start, the middle and (with G) the end of the longest case. */
  private static final int MAX_PAGES = 60;

  @TempDir static Path tmp;

  @TestFactory
  Stream<DynamicTest> readerOnEveryCase() {
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (Case c : HostileCorpus.cases()) {
      Path articles = tmp.resolve(String.format("%02d-%s", i++, c.name)).resolve("articles");
      tests.add(DynamicTest.dynamicTest(c.name, () -> assertTimeoutPreemptively(HANG_GUARD, () -> {
        HostileCorpusTest.Run run = HostileCorpusTest.setUp(c, articles);
        read(run);
      })));
    }
    return tests.stream();
  }

  /** A reader on a virtual terminal, as {@link Reader#run} starts it (without the reading memory). */
  static final class Headless {
    final DefaultVirtualTerminal vt;
    final ReaderSession session;
    final String name;

    Headless(Workspace ws, String name, int w, int h) throws IOException {
      this.name = name;
      vt = new DefaultVirtualTerminal(new TerminalSize(w, h));
      TerminalScreen screen = new TerminalScreen(vt);
      screen.startScreen();
      Keymap keymap = Keymap.standard();
      Theme theme = Theme.dark();
      session = new ReaderSession(screen, new Update(keymap, theme, Geometry.DEFAULT_MAX_WIDTH), keymap,
          FindSource.of(Reader.source(ws, true), ws.library, true), theme, Reader.initial(ws, true));
      draw("start");
    }

    ReaderState state() {
      return session.state();
    }

    Headless keys(String... keys) throws IOException {
      for (String k : keys) {
        KeyStroke ks = switch (k) {
          case "Enter" -> new KeyStroke(KeyType.Enter);
          case "Esc" -> new KeyStroke(KeyType.Escape);
          case "Tab" -> new KeyStroke(KeyType.Tab);
          case "PgDn" -> new KeyStroke(KeyType.PageDown);
          case "Backspace" -> new KeyStroke(KeyType.Backspace);
          default -> new KeyStroke(k.charAt(0), false, false);
        };
        session.key(ks);
        draw(k);
      }
      return this;
    }

    Headless type(String text) throws IOException {
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        session.key(new KeyStroke(Character.toChars(cp)[0], false, false));
        i += Character.charCount(cp);
      }
      draw("typed " + text);
      return this;
    }

    Headless resize(int w, int h) throws IOException {
      vt.setTerminalSize(new TerminalSize(w, h));
      session.resizeIfNeeded();
      draw("resize " + w + "x" + h);
      return this;
    }

    void draw(String after) throws IOException {
      session.draw();
      assertCellsSafe(after);
    }

    /** Every painted cell: no character a terminal could act on. */
    void assertCellsSafe(String after) {
      TerminalSize size = vt.getTerminalSize();
      for (int r = 0; r < size.getRows(); r++) {
        for (int col = 0; col < size.getColumns(); col++) {
          TextCharacter tc = vt.getCharacter(col, r);
          String s = tc.getCharacterString();
          for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || Text.isBidiControl(cp) || cp == 0x2028 || cp == 0x2029) {
              throw new AssertionError(String.format("%s: raw U+%04X painted at row %d col %d after '%s'; row: %s",
                  name, cp, r, col, HostileCorpusTest.printable(after), HostileCorpusTest.printable(row(r))));
            }
            k += Character.charCount(cp);
          }
        }
      }
    }

    String row(int r) {
      StringBuilder sb = new StringBuilder();
      TerminalSize size = vt.getTerminalSize();
      for (int c = 0; c < size.getColumns(); c++) {
        TextCharacter tc = vt.getCharacter(c, r);
        sb.append(tc.getCharacterString());
        if (tc.isDoubleWidth()) c++;
      }
      return sb.toString();
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      for (int r = 0; r < vt.getTerminalSize().getRows(); r++) sb.append(row(r).stripTrailing()).append('\n');
      return sb.toString();
    }
  }

  static void read(HostileCorpusTest.Run run) throws Exception {
    LibraryOptions opts = new LibraryOptions();
    opts.dir = run.articles();
    opts.drafts = true;
    opts.maxBytes = maxBytes(run.c());
    Workspace ws = Workspace.open(opts, new PrintWriter(new StringWriter()));
    Headless h = new Headless(ws, run.c().name, 60, 20);
    String query = HostileCorpus.query(run.c());

    h.keys("c").keys("c").keys("?").keys("Esc");
    h.keys("/").type(query).keys("Enter").keys("Esc");
    // what the reader types is shown in the prompt: a pasted bidi override must not turn it around
    h.keys("/").type("x\u202eevil\u2066y").keys("Backspace").keys("Esc");
    List<ArticleMeta> items = h.state().library().items();
    for (int i = 0; i < items.size(); i++) {
      h.keys("g");
      for (int j = 0; j < i; j++) h.keys("j");
      ArticleMeta meta = h.state().library().current();
      h.keys("Enter");
      ReaderState s = h.state();
      if (s.screen() != ReaderState.Screen.ARTICLE) {
        // the article could not be shown: a one-line message says why, on the screen
        assertThat(s.message()).as("%s: a message for %s", run.c().name, meta.slug()).isNotBlank().doesNotContain("\n");
        String shown = s.message().strip();
        assertThat(h.text().replace("\n", "")).as(run.c().name).contains(shown.substring(0, Math.min(12, shown.length())));
        continue;
      }
      assertThat(s.article().slug()).as(run.c().name).isEqualTo(meta.slug());
      int lastTop = -1;
      for (int p = 0; p < MAX_PAGES && h.state().article().top() != lastTop; p++) {
        lastTop = h.state().article().top();
        h.keys("Space");
      }
      h.keys("G").keys("g");
      h.keys("/").type(query).keys("Enter").keys("n").keys("N").keys("Esc");
      h.keys("l").keys("j").keys("Esc");
      h.keys("t").keys("Tab").keys("Esc").keys("c").keys("c");
      h.resize(24, 9).keys("Space").keys("G").resize(60, 20);
      h.keys("q");
      assertThat(h.state().screen()).as(run.c().name).isEqualTo(ReaderState.Screen.LIBRARY);
    }
    assertThat(h.session.running()).isTrue();
  }

  private static long maxBytes(Case c) {
    int at = c.extraArgs.indexOf("--max-bytes");
    return at < 0 ? clinicreader.content.ArticleFiles.DEFAULT_MAX_BYTES : Long.parseLong(c.extraArgs.get(at + 1));
  }
}
