package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.Library;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import clinicreader.search.PageMatches;
import clinicreader.search.SearchIndex;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding things, through the update step and a reader session on a virtual terminal: the
 * search prompt and narrowing, opening at a match, n/N wrapping, links (internal, anchor,
 * outside address, outside the library refused), related articles, the back stack, the tag
 * filter, and highlighted matches on screen.
 */
class FindTest {
  private static final Theme THEME = Theme.dark();
  private final Library library;
  private final Clinic clinic;
  private final Keymap keymap = Keymap.standard();
  private final Update update = new Update(keymap, THEME, Geometry.DEFAULT_MAX_WIDTH);

  FindTest() {
    try {
      Path dir = Path.of(FindTest.class.getResource("find/articles").toURI());
      library = Library.open(dir, 1 << 20);
      clinic = ClinicLoader.load(dir).clinic();
    } catch (URISyntaxException | ContentException e) {
      throw new IllegalStateException(e);
    }
  }

  private ArticleSource source() {
    ArticleSource articles = slug -> {
      Optional<ArticleMeta> m = library.bySlug(slug);
      if (m.isEmpty()) return new Intent.OpenFailed(slug, "No article '" + slug + "'");
      try {
        Article a = library.load(m.get()).article();
        return new Intent.Opened(slug, new PageLayout.Input(a, clinic, library.related(a.meta(), 3, false)), List.of());
      } catch (ContentException e) {
        return new Intent.OpenFailed(slug, e.problem().brief());
      }
    };
    return FindSource.of(articles, library, false);
  }

  /** A reader session on a virtual terminal, effects carried out at once. */
  private final class Reader {
    final DefaultVirtualTerminal vt;
    final ReaderSession session;

    Reader(int w, int h) throws IOException {
      vt = new DefaultVirtualTerminal(new TerminalSize(w, h));
      TerminalScreen screen = new TerminalScreen(vt);
      screen.startScreen();
      session = new ReaderSession(screen, update, keymap, source(), THEME,
          ReaderState.library(clinic, library.visible(false), w, h));
      session.draw();
    }

    Reader keys(String... keys) throws IOException {
      for (String k : keys) {
        for (String one : k.length() > 1 && !Character.isUpperCase(k.charAt(0)) ? k.split("") : new String[] {k}) {
          KeyStroke ks = switch (one) {
            case "Enter" -> new KeyStroke(KeyType.Enter);
            case "Esc" -> new KeyStroke(KeyType.Escape);
            case "Tab" -> new KeyStroke(KeyType.Tab);
            case "Backspace" -> new KeyStroke(KeyType.Backspace);
            case "Down" -> new KeyStroke(KeyType.ArrowDown);
            case " " -> new KeyStroke(' ', false, false);
            default -> new KeyStroke(one.charAt(0), false, false);
          };
          session.key(ks);
        }
      }
      session.draw();
      return this;
    }

    /** Typed text, one key per character. */
    Reader type(String text) throws IOException {
      for (char c : text.toCharArray()) session.key(new KeyStroke(c, false, false));
      session.draw();
      return this;
    }

    ReaderState state() {
      return session.state();
    }

    String row(int r) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) sb.append(vt.getCharacter(c, r).getCharacterString());
      return sb.toString();
    }

    String screen() {
      StringBuilder sb = new StringBuilder();
      for (int r = 0; r < vt.getTerminalSize().getRows(); r++) sb.append(row(r)).append('\n');
      return sb.toString();
    }

    /** Opens the guide from the library. */
    Reader guide() throws IOException {
      int idx = -1;
      List<ArticleMeta> items = state().library().items();
      for (int i = 0; i < items.size(); i++) if (items.get(i).slug().equals("guide")) idx = i;
      keys("g");
      for (int i = 0; i < idx; i++) keys("j");
      return keys("Enter");
    }
  }

  private static int sectionLine(ReaderState s, String title) {
    var sections = s.article().outline().sections();
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).title().equals(title)) return s.article().page().sectionLines().get(i);
    }
    throw new AssertionError("no section " + title);
  }

  private ReaderState step(ReaderState s, Intent i) {
    return update.apply(s, i).state();
  }

  private ReaderState library() {
    return ReaderState.library(clinic, library.visible(false), 100, 30);
  }

  // ---- library search

  @Test
  void slashOpensTheSearchPromptAndAsksForTheIndexOnce() {
    ReaderState s = library();
    Update.Step open = update.apply(s, keymap.intent(s, Key.of("/")));
    assertThat(open.state().prompt().kind()).isEqualTo(Prompt.Kind.SEARCH);
    assertThat(open.effects()).containsExactly(new Effect.BuildIndex());
    assertThat(open.state().find().indexing()).isTrue();
    ReaderState typed = step(open.state(), new Intent.PromptInput("m"));
    assertThat(typed.prompt().text()).isEqualTo("m");
    ReaderState closed = step(typed, new Intent.Cancel());
    assertThat(closed.prompt()).isNull();
    assertThat(update.apply(closed, keymap.intent(closed, Key.of("/"))).effects()).as("still indexing").isEmpty();
  }

  @Test
  void theListNarrowsAsYouTypeAndSeveralWordsMeanAll() {
    ReaderState s = step(step(library(), new Intent.OpenPrompt(Prompt.Kind.SEARCH)),
        new Intent.IndexReady(SearchIndex.build(library, false)));
    assertThat(s.library().items()).hasSize(3);
    for (char c : "insur".toCharArray()) s = step(s, new Intent.PromptInput(String.valueOf(c)));
    assertThat(slugs(s)).containsExactly("beta");
    s = step(step(step(s, new Intent.PromptBackspace()), new Intent.PromptBackspace()), new Intent.PromptBackspace());
    s = step(s, new Intent.PromptBackspace());
    s = step(s, new Intent.PromptBackspace());
    assertThat(s.prompt().text()).isEmpty();
    assertThat(s.library().items()).hasSize(3);
    for (String w : List.of("M", "I", "D", "A", "Z", " ", "c", "a", "l", "m")) s = step(s, new Intent.PromptInput(w));
    assertThat(slugs(s)).as("both words, any case").containsExactly("guide");
    for (String w : List.of(" ", "i", "n", "s", "u", "r")) s = step(s, new Intent.PromptInput(w));
    assertThat(s.library().items()).as("no article has all three").isEmpty();
    ReaderState cleared = step(s, new Intent.Cancel());
    assertThat(cleared.prompt()).isNull();
    assertThat(cleared.library().items()).hasSize(3);
    assertThat(cleared.find().filtering()).isFalse();
  }

  @Test
  void typingBeforeTheIndexIsReadyNarrowsWhenItArrives() {
    ReaderState s = step(library(), new Intent.OpenPrompt(Prompt.Kind.SEARCH));
    for (char c : "insur".toCharArray()) s = step(s, new Intent.PromptInput(String.valueOf(c)));
    assertThat(s.library().items()).hasSize(3);
    s = step(s, new Intent.IndexReady(SearchIndex.build(library, false)));
    assertThat(slugs(s)).containsExactly("beta");
    assertThat(s.find().indexing()).isFalse();
  }

  @Test
  void enterOpensTheArticleAtTheFirstMatchWithTheSearchSet() throws IOException {
    Reader r = new Reader(100, 30).keys("/").type("midazolam");
    assertThat(r.screen()).contains("\u00a71 ").contains("midazolam");
    r.keys("Enter");
    ReaderState s = r.state();
    assertThat(s.screen()).isEqualTo(ReaderState.Screen.ARTICLE);
    assertThat(s.article().slug()).isEqualTo("guide");
    FindState.ArticleSearch search = s.find().search();
    assertThat(search.query()).isEqualTo("midazolam");
    assertThat(search.matches()).hasSize(3);
    PageMatches.Match m = search.matches().get(search.current());
    assertThat(m.line()).isGreaterThanOrEqualTo(sectionLine(s, "Overview")).isLessThan(sectionLine(s, "Medicines"));
    assertThat(m.line()).isBetween(s.article().top(), s.article().top() + 27);
    assertThat(r.row(28)).contains("match 1 of 3");
    // back in the library the narrowed list is still there; Esc shows all again
    r.keys("q");
    assertThat(slugs(r.state())).containsExactly("guide");
    r.keys("Esc");
    assertThat(r.state().library().items()).hasSize(3);
  }

  @Test
  void searchResultsHighlightTheMatchOnScreen() throws IOException {
    Reader r = new Reader(100, 30).keys("/").type("midaz");
    int row = -1;
    for (int i = 0; i < 30; i++) if (r.row(i).contains("\u00a71 ")) row = i;
    assertThat(row).as("the snippet row with its section").isPositive();
    String text = r.row(row);
    int col = text.toLowerCase().indexOf("midaz");
    assertThat(col).isPositive();
    TextCharacter hit = r.vt.getCharacter(col, row);
    TextCharacter after = r.vt.getCharacter(col + 6, row);
    assertThat(hit.getModifiers()).contains(com.googlecode.lanterna.SGR.UNDERLINE);
    assertThat(after.getModifiers()).doesNotContain(com.googlecode.lanterna.SGR.UNDERLINE);
    assertThat(hit.getBackgroundColor()).isEqualTo(new TextColor.Indexed(THEME.look(clinicreader.layout.Style.of(
        clinicreader.layout.Tone.MATCH)).bg()));
    // in the article every match is painted in the match colour
    r.keys("Enter");
    int matchBg = THEME.look(clinicreader.layout.Style.of(clinicreader.layout.Tone.MATCH)).bg();
    int painted = 0;
    for (int y = 0; y < 28; y++) {
      String line = r.row(y).toLowerCase();
      for (int x = line.indexOf("midazolam"); x >= 0; x = line.indexOf("midazolam", x + 1)) {
        // the typed prefix is what matched
        for (int k = 0; k < 5; k++) assertThat(r.vt.getCharacter(x + k, y).getBackgroundColor()).isEqualTo(new TextColor.Indexed(matchBg));
        assertThat(r.vt.getCharacter(x + 5, y).getBackgroundColor()).isNotEqualTo(new TextColor.Indexed(matchBg));
        painted++;
      }
    }
    assertThat(painted).isEqualTo(3);
  }

  // ---- search in an article

  @Test
  void nAndNStepThroughTheMatchesAndWrapWithAMessage() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("/").type("midazolam").keys("Enter");
    FindState.ArticleSearch search = r.state().find().search();
    assertThat(search.matches()).hasSize(3);
    assertThat(search.current()).isZero();
    assertThat(r.row(28)).contains("match 1 of 3");
    r.keys("n");
    assertThat(r.state().find().search().current()).isEqualTo(1);
    r.keys("n");
    assertThat(r.state().find().search().current()).isEqualTo(2);
    assertThat(r.row(28)).contains("match 3 of 3");
    r.keys("n");
    assertThat(r.state().find().search().current()).isZero();
    assertThat(r.state().message()).isEqualTo("search wrapped to top");
    assertThat(r.row(28)).contains("search wrapped to top").contains("match 1 of 3");
    r.keys("N");
    assertThat(r.state().find().search().current()).isEqualTo(2);
    assertThat(r.state().message()).isEqualTo("search wrapped to bottom");
    r.keys("N");
    assertThat(r.state().find().search().current()).isEqualTo(1);
    assertThat(r.state().message()).isNull();
    r.keys("Esc");
    assertThat(r.state().find().search()).isNull();
    assertThat(r.row(28)).doesNotContain("match");
  }

  @Test
  void nWithoutASearchSaysHowToSearchAndANotFoundQueryClearsIt() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("n");
    assertThat(r.state().message()).contains("press /");
    r.keys("/").type("zebra").keys("Enter");
    assertThat(r.state().find().search()).isNull();
    assertThat(r.state().message()).isEqualTo("Not found: zebra");
  }

  @Test
  void matchesAreFoundAgainWhenThePageIsLaidOutAnew() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("/").type("midazolam").keys("Enter", "n");
    r.vt.setTerminalSize(new TerminalSize(44, 20));
    r.session.resizeIfNeeded();
    r.session.draw();
    ReaderState s = r.state();
    FindState.ArticleSearch search = s.find().search();
    assertThat(search.page()).isSameAs(s.article().page());
    assertThat(search.current()).isEqualTo(1);
    assertThat(search.matches()).hasSize(3);
    for (PageMatches.Match m : search.matches()) {
      String line = s.article().page().lines().get(m.line()).text();
      assertThat(line.substring(m.startCol(), m.endCol())).isEqualToIgnoringCase("midazolam");
    }
  }

  // ---- links and history

  @Test
  void aLinkToAnotherArticleOpensItAndBackReturnsToTheSameLine() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("j", "j", "j");
    assertThat(r.state().article().top()).isEqualTo(3);
    r.keys("f", "1");
    assertThat(r.state().article().slug()).isEqualTo("beta");
    assertThat(r.state().find().history()).hasSize(1);
    r.keys("Backspace");
    assertThat(r.state().article().slug()).isEqualTo("guide");
    assertThat(r.state().article().top()).isEqualTo(3);
    assertThat(r.state().find().history()).isEmpty();
    r.keys("h");
    assertThat(r.state().screen()).as("an empty back stack leads to the library").isEqualTo(ReaderState.Screen.LIBRARY);
  }

  @Test
  void aSameArticleAnchorJumpsToItsSectionAndBackComesBack() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("f", "2");
    ReaderState s = r.state();
    assertThat(s.article().slug()).isEqualTo("guide");
    assertThat(s.article().top()).isEqualTo(Math.min(sectionLine(s, "Results"), Update.maxTop(s.article().page(), 28)));
    r.keys("h");
    assertThat(r.state().article().top()).isZero();
    assertThat(r.state().screen()).isEqualTo(ReaderState.Screen.ARTICLE);
  }

  @Test
  void aSlugLinkOpensTheArticleAndAnAnchorInAnotherArticleLandsOnItsSection() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("f", "3");
    assertThat(r.state().article().slug()).isEqualTo("sub/gamma");
    r.keys("f", "1");
    ReaderState s = r.state();
    assertThat(s.article().slug()).isEqualTo("guide");
    assertThat(s.article().top()).isEqualTo(Math.min(sectionLine(s, "Results"), Update.maxTop(s.article().page(), 28)));
    assertThat(s.find().history()).hasSize(2);
    r.keys("Backspace", "Backspace");
    assertThat(r.state().article().slug()).isEqualTo("guide");
    assertThat(r.state().article().top()).isZero();
  }

  @Test
  void linksNeverLeaveTheArticlesDirectory() throws IOException {
    Path outside = library.root().resolveSibling("outside.md");
    assertThat(outside).exists();
    for (String k : List.of("4", "8")) {
      Reader r = new Reader(100, 30).guide().keys("f", k);
      assertThat(r.state().article().slug()).as(k).isEqualTo("guide");
      assertThat(r.state().message()).as(k).startsWith("Not an article of this library");
      assertThat(r.state().find().history()).isEmpty();
    }
    ArticleSource src = source();
    assertThat(src.resolveLink("guide", "../outside.md")).isEmpty();
    assertThat(src.resolveLink("guide", "../../../../../etc/passwd")).isEmpty();
    assertThat(src.resolveLink("sub/gamma", "../guide.md#results")).contains("guide");
  }

  @Test
  void aMissingArticleIsSaidAndAMultiDigitNumberWaitsForEnter() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("f", "7");
    assertThat(r.state().message()).contains("nowhere.md");
    r.keys("f", "9");
    assertThat(r.state().message()).isEqualTo("No link 9; this page has links 1\u20138");
    ReaderState s = r.state();
    Page.Link one = s.article().page().links().get(0);
    // a page with ten links or more: "1" could be "12", so it waits for Enter
    ReaderState wide = s.with(s.article().page(new Page(s.article().page().lines(), s.article().page().width(),
        s.article().page().sectionLines(), java.util.Collections.nCopies(12, one), s.article().page().related()), 0));
    ReaderState typed = step(step(wide, new Intent.OpenPrompt(Prompt.Kind.LINK)), new Intent.PromptInput("1"));
    assertThat(typed.prompt().text()).isEqualTo("1");
    Update.Step followed = update.apply(typed, new Intent.PromptSubmit());
    assertThat(followed.effects()).containsExactly(new Effect.ResolveLink("guide", "beta.md"));
  }

  @Test
  void anOutsideAddressShowsInAPanelAndGoesToTheBrowser() throws IOException {
    Reader r = new Reader(100, 30).guide();
    ReaderState s = r.state();
    Update.Step web = update.apply(step(s, new Intent.OpenPrompt(Prompt.Kind.LINK)), new Intent.PromptInput("5"));
    assertThat(web.state().overlay()).isEqualTo(ReaderState.Overlay.LINK);
    String url = "https://example.org/care/page?topic=sedation&lang=en";
    assertThat(web.effects()).containsExactly(new Effect.Browse(url));
    List<String> lines = FindPanels.lines(web.state(), 60).stream().map(l -> l.text()).toList();
    assertThat(String.join("", lines)).contains(url);
    Update.Step mail = update.apply(step(s, new Intent.OpenPrompt(Prompt.Kind.LINK)), new Intent.PromptInput("6"));
    assertThat(mail.effects()).containsExactly(new Effect.Browse("mailto:care@example.org"));
    ReaderState noted = step(web.state(), new Intent.Browsed(url, "Opened with test."));
    assertThat(FindPanels.lines(noted, 60).stream().map(l -> l.text()).toList()).contains("Opened with test.");
    r.keys("f", "5");
    assertThat(r.screen()).contains("example.org/care/page?topic=sedation&lang=en");
    r.keys("Esc");
    assertThat(r.state().overlay()).isEqualTo(ReaderState.Overlay.NONE);
  }

  @Test
  void theLinkListFollowsTheChosenLink() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("l");
    assertThat(r.state().overlay()).isEqualTo(ReaderState.Overlay.LINKS);
    assertThat(r.screen()).contains("\u20391\u203a the coverage article").contains("beta.md");
    r.keys("j", "Enter");
    ReaderState s = r.state();
    assertThat(s.overlay()).isEqualTo(ReaderState.Overlay.NONE);
    assertThat(s.article().top()).isEqualTo(Math.min(sectionLine(s, "Results"), Update.maxTop(s.article().page(), 28)));
  }

  // ---- related articles

  @Test
  void rFocusesTheRelatedArticlesAndEnterOpensOne() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("r");
    ReaderState s = r.state();
    assertThat(s.find().related()).isZero();
    int line = s.article().page().related().get(0).line();
    assertThat(line).isBetween(s.article().top(), s.article().top() + 27);
    assertThat(r.screen()).contains("Enter opens");
    r.keys("j");
    assertThat(r.state().find().related()).isEqualTo(1);
    r.keys("Enter");
    assertThat(r.state().article().slug()).isEqualTo("sub/gamma");
    r.keys("h");
    assertThat(r.state().article().slug()).isEqualTo("guide");
    assertThat(r.state().article().top()).isEqualTo(s.article().top());
  }

  @Test
  void tabCyclesThroughTheRelatedArticlesOnScreenThenTheSidebar() throws IOException {
    Reader r = new Reader(100, 30).guide().keys("Tab");
    assertThat(r.state().find().related()).as("none on screen at the top").isEqualTo(-1);
    assertThat(r.state().article().sidebarFocus()).isTrue();
    r.keys("Tab", "G", "Tab");
    assertThat(r.state().article().sidebarFocus()).isFalse();
    assertThat(r.state().find().related()).isZero();
    r.keys("Tab");
    assertThat(r.state().find().related()).isEqualTo(1);
    r.keys("Tab");
    assertThat(r.state().find().related()).isEqualTo(-1);
    assertThat(r.state().article().sidebarFocus()).isTrue();
    r.keys("Tab", "Tab");
    assertThat(r.state().find().related()).as(r.screen()).isZero();
    r.keys("Esc");
    assertThat(r.state().find().related()).isEqualTo(-1);
  }

  // ---- tag filter

  @Test
  void hashPicksATagAndTheHeaderShowsIt() throws IOException {
    Reader r = new Reader(100, 30).keys("#");
    assertThat(r.state().overlay()).isEqualTo(ReaderState.Overlay.TAGS);
    assertThat(r.screen()).contains("All articles").contains("#care").contains("3 articles").contains("#costs");
    r.keys("j", "j", "Enter");
    assertThat(slugs(r.state())).containsExactly("beta");
    assertThat(r.row(0)).contains("#costs").contains("1 of 3");
    r.keys("#", "Esc");
    assertThat(r.state().library().items()).hasSize(3);
    assertThat(r.row(0)).doesNotContain("#costs");
    r.keys("#", "j", "Enter", "/").type("midaz");
    assertThat(slugs(r.state())).as("search within the tag").containsExactly("guide");
    r.keys("Esc");
    assertThat(slugs(r.state())).hasSize(3);
    r.keys("#", "g", "Enter");
    assertThat(r.state().library().items()).hasSize(3);
    assertThat(r.state().find().filtering()).isFalse();
  }

  // ---- the browser

  @Test
  void theBrowserCommandTakesTheAddressAsOneArgument() {
    String url = "https://example.org/a?b=1&c=$(touch x);echo";
    assertThat(Browser.command(null, url)).isEmpty();
    assertThat(Browser.command(" ", url)).isEmpty();
    assertThat(Browser.command("firefox", url)).containsExactly("firefox", url);
    assertThat(Browser.command("my-browser --new-tab %s:other", url)).containsExactly("my-browser", "--new-tab", url);
    assertThat(Browser.open(null, url)).contains("not set");
  }

  @Test
  void theBrowserIsStartedWithoutAShell(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("args.txt");
    Path script = tmp.resolve("browser.sh");
    Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$@\" > " + out + ".part && mv " + out + ".part " + out + "\n");
    script.toFile().setExecutable(true);
    String url = "https://example.org/a?b=1&c=$(touch x);echo";
    assertThat(Browser.open(script.toString(), url)).startsWith("Opened with");
    long end = System.nanoTime() + 10_000_000_000L;
    while (!Files.exists(out) && System.nanoTime() < end) Thread.sleep(20);
    assertThat(Files.readString(out)).isEqualTo(url + "|");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  private static List<String> slugs(ReaderState s) {
    return s.library().items().stream().map(ArticleMeta::slug).toList();
  }
}
