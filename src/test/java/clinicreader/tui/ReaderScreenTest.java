package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.layout.Cells;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader drawn on Lanterna's virtual terminal: golden screens, resizing, wide characters.
 * Regenerate the golden files with {@code -Dgolden.update=true} and review the diff.
 */
class ReaderScreenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/clinicreader/tui/golden");
  private final Fixture fx = new Fixture();

  private final class Harness {
    final DefaultVirtualTerminal vt;
    final TerminalScreen screen;
    final ReaderSession session;

    Harness(int w, int h) throws IOException {
      vt = new DefaultVirtualTerminal(new TerminalSize(w, h));
      screen = new TerminalScreen(vt);
      screen.startScreen();
      session = new ReaderSession(screen, fx.update, fx.keymap, fx.source(), Fixture.THEME, fx.library(w, h));
      session.draw();
    }

    Harness keys(String... keys) throws IOException {
      for (String k : keys) {
        KeyStroke ks = switch (k) {
          case "Enter" -> new KeyStroke(KeyType.Enter);
          case "Esc" -> new KeyStroke(KeyType.Escape);
          case "Tab" -> new KeyStroke(KeyType.Tab);
          case "PgDn" -> new KeyStroke(KeyType.PageDown);
          default -> new KeyStroke(k.charAt(0), false, false);
        };
        session.key(ks);
        session.draw();
      }
      return this;
    }

    Harness resize(int w, int h) throws IOException {
      vt.setTerminalSize(new TerminalSize(w, h));
      assertThat(session.resizeIfNeeded()).isTrue();
      session.draw();
      return this;
    }

    /** The screen's rows as text: one string per row, a wide character counted once. */
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
        // headings number with a no-break space; a plain one keeps the expectations readable
        out.add(sb.toString().replace('\u00a0', ' ').stripTrailing());
      }
      return out;
    }

    String text() {
      return String.join("\n", rows()) + "\n";
    }
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void goldenLibraryAt80x24() throws IOException {
    golden("library-80x24.txt", new Harness(80, 24).text());
  }

  @Test
  void goldenArticleSection3At80x24() throws IOException {
    golden("article-80x24-section3.txt", new Harness(80, 24).keys("Enter", "3").text());
  }

  @Test
  void goldenArticleWithSidebarAt120x40() throws IOException {
    golden("article-120x40.txt", new Harness(120, 40).keys("Enter", "4").text());
  }

  @Test
  void goldenContactAt120x40() throws IOException {
    golden("contact-120x40.txt", new Harness(120, 40).keys("Enter", "c").text());
  }

  @Test
  void theArticleShowsStatusAndCallToAction() throws IOException {
    List<String> rows = new Harness(100, 30).keys("Enter", "3").rows();
    assertThat(rows.get(0)).contains("3. Results");
    assertThat(rows.get(28)).contains("A long guide with twelve sections").contains("3/12 \u00b7 Results").endsWith("%");
    assertThat(rows.get(29)).isEqualTo(" Book a visit \u00b7 call 555-0142 \u00b7 press c for contact");
  }

  @Test
  void theContactPanelShowsTheClinicsDetails() throws IOException {
    String screen = new Harness(100, 30).keys("Enter", "c").text();
    assertThat(screen).contains("Example Test Clinic").contains("555-0142").contains("care@example.org")
        .contains("https://www.example.org/book").contains("Mon–Fri 9:00–17:00").contains("Example condition two");
    assertThat(new Harness(100, 30).keys("Enter", "c", "Esc").text()).doesNotContain("care@example.org");
  }

  @Test
  void resizeFrom120x40To60x20KeepsTheSection() throws IOException {
    Harness h = new Harness(120, 40).keys("Enter", "5");
    assertThat(h.rows().get(0)).contains("5. Costs");
    assertThat(h.rows().get(0)).startsWith(" Contents");
    h.resize(60, 20);
    List<String> rows = h.rows();
    assertThat(rows).hasSize(20);
    assertThat(rows.get(0).strip()).startsWith("5.").endsWith("Costs");
    assertThat(rows.get(18)).contains("5/12 \u00b7 Costs");
    assertThat(rows.get(19)).contains("555-0142");
    assertThat(rows).allSatisfy(r -> assertThat(Cells.width(r)).isLessThanOrEqualTo(60));
  }

  @Test
  void wideCharactersTakeTwoCellsAndTheRestStaysAligned() throws IOException {
    Harness h = new Harness(80, 24).keys("j", "Enter", "1");
    int row = -1;
    for (int r = 0; r < 22 && row < 0; r++) if (h.rows().get(r).contains("\u6f22\u5b57\u304b")) row = r;
    assertThat(row).isNotNegative();
    int col = -1;
    for (int c = 0; c < 80; c++) {
      if (h.vt.getCharacter(c, row).getCharacterString().equals("\u6f22")) {
        col = c;
        break;
      }
    }
    assertThat(col).isNotNegative();
    assertThat(h.vt.getCharacter(col + 2, row).getCharacterString()).isEqualTo("\u5b57");
    // 漢字かな交じり文 is 8 wide characters; then a space, the emoji (2 cells), a space and "done."
    assertThat(h.vt.getCharacter(col + 16, row).getCharacterString()).isEqualTo(" ");
    assertThat(h.vt.getCharacter(col + 17, row).getCharacterString()).isEqualTo("\uD83D\uDE42");
    assertThat(h.vt.getCharacter(col + 20, row).getCharacterString()).isEqualTo("d");
    assertThat(h.text()).contains("Café au lait, naïve résumé.");
    assertThat(h.rows().get(22)).contains("Wide text: \u6f22\u5b57 and emoji \uD83D\uDE42");
  }

  @Test
  void aTooSmallTerminalSaysSoAndRecovers() throws IOException {
    Harness h = new Harness(80, 24).keys("Enter", "3");
    h.resize(39, 12);
    assertThat(h.text()).contains("Terminal too small").contains("have 39\u00d712").doesNotContain("Results");
    h.resize(50, 9);
    assertThat(h.text()).contains("Terminal too small");
    h.resize(80, 24);
    assertThat(h.rows().get(0)).contains("3. Results");
  }

  @Test
  void thePromptShowsWhatIsTyped() throws IOException {
    Harness h = new Harness(80, 24).keys("Enter", ":", "1", "1");
    assertThat(h.rows().get(22)).isEqualTo(" Go to section: 11");
    assertThat(h.screen.getCursorPosition().getColumn()).isEqualTo(" Go to section: 11".length());
    h.keys("Enter");
    assertThat(h.rows().get(0)).contains("11. Extra notes");
  }

  @Test
  void quittingTheLibraryStopsTheSession() throws IOException {
    Harness h = new Harness(80, 24).keys("Enter", "q");
    assertThat(h.session.running()).isTrue();
    assertThat(h.rows().get(0)).contains("Example Test Clinic");
    h.keys("q");
    assertThat(h.session.running()).isFalse();
  }
}
