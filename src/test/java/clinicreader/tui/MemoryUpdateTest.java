package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Outline;
import clinicreader.state.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory keys and the reading position through the update step, without a terminal or a
 * disk: a small runtime here applies {@link Effect.Persist} to a saved state and answers with
 * {@link Intent.Remembered}, as {@link ReadingMemory} does.
 */
class MemoryUpdateTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private final Fixture fx = new Fixture();

  /** A reader with a saved state; {@code effects} are those of the last step. */
  private final class Run {
    ReaderState state;
    clinicreader.state.ReaderState saved;
    List<Effect> effects = List.of();
    final List<Effect> all = new ArrayList<>();
    int clock;

    Run(clinicreader.state.ReaderState saved, List<String> warnings) {
      this.saved = saved;
      this.state = fx.library(100, 30).with(MemoryState.of(saved, warnings));
    }

    Run(clinicreader.state.ReaderState saved) {
      this(saved, List.of());
    }

    Run press(String... keys) {
      for (String k : keys) dispatch(fx.keymap.intent(state, Key.of(k)));
      return this;
    }

    Run dispatch(Intent intent) {
      Update.Step step = fx.update.step(state, intent);
      state = step.state();
      effects = step.effects();
      all.addAll(effects);
      for (Effect e : step.effects()) {
        if (e instanceof Effect.Persist p) {
          saved = p.change().apply(saved, T.plusSeconds(++clock));
          state = fx.update.step(state, new Intent.Remembered(saved, null)).state();
        } else if (e instanceof Effect.OpenArticle o) {
          List<Effect> before = effects;
          dispatch(fx.source().open(o.slug()));
          effects = concat(before, effects);
        }
      }
      return this;
    }

    String status() {
      return state.message();
    }
  }

  private static List<Effect> concat(List<Effect> a, List<Effect> b) {
    List<Effect> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  private static String label(Outline o, String number) {
    Outline.Section s = o.sections().get(o.indexOfNumber(number));
    return number + ". " + s.title();
  }

  private static int sectionLine(ReaderState s, String number) {
    return s.article().page().sectionLines().get(s.article().outline().indexOfNumber(number));
  }

  private static String anchor(ReaderState s, String number) {
    return s.article().outline().sections().get(s.article().outline().indexOfNumber(number)).anchor();
  }

  // ---- resuming

  @Test
  void reopeningResumesAtTheSavedSectionWithAMessage() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "3");
    ReaderState atThree = r.state;
    String results = label(atThree.article().outline(), "3");
    assertThat(r.effects).containsExactly(new Effect.Persist(
        new MemoryChange.Place("long-guide", anchor(atThree, "3"), 0), true));
    r.press("q");
    assertThat(r.effects).containsExactly(new Effect.Persist(new MemoryChange.Place("long-guide", anchor(atThree, "3"), 0), false));
    assertThat(r.saved.isRead("long-guide")).isTrue();

    // a new run on what was saved
    Run again = new Run(r.saved).press("Enter");
    assertThat(again.state.article().top()).isEqualTo(sectionLine(again.state, "3"));
    assertThat(again.status()).isEqualTo("resumed at " + results);
    assertThat(again.effects).contains(new Effect.Persist(new MemoryChange.Opened("long-guide"), false));
    assertThat(again.state.article().sidebarSelected()).isEqualTo(again.state.article().outline().indexOfNumber("3"));
  }

  @Test
  void anArticleNeverReadOrLeftAtTheTopOpensAtTheTopWithoutAMessage() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter");
    assertThat(r.state.article().top()).isZero();
    assertThat(r.status()).isNull();
    Run top = new Run(clinicreader.state.ReaderState.empty().withPosition("long-guide", new Position("", 0, T))).press("Enter");
    assertThat(top.state.article().top()).isZero();
    assertThat(top.status()).isNull();
  }

  @Test
  void thePositionSurvivesAnotherTerminalWidth() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "5", "j", "j", "q");
    Run narrow = new Run(r.saved);
    narrow.state = fx.update.step(narrow.state, new Intent.Resize(60, 20)).state();
    narrow.press("Enter");
    assertThat(narrow.state.article().top()).isEqualTo(sectionLine(narrow.state, "5") + 2);
    assertThat(narrow.status()).startsWith("resumed at 5. ");
  }

  @Test
  void scrollingIsRememberedDebouncedAndQuittingWritesAtOnce() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "j");
    assertThat(r.effects).singleElement().isInstanceOfSatisfying(Effect.Persist.class, p -> assertThat(p.debounced()).isTrue());
    r.press("c");
    assertThat(r.effects).as("an overlay does not move the text").isEmpty();
    r.press("Esc", "C-c");
    assertThat(r.effects).hasSize(2);
    assertThat(r.effects.get(0)).isInstanceOfSatisfying(Effect.Persist.class, p -> {
      assertThat(p.debounced()).isFalse();
      assertThat(p.change()).isEqualTo(new MemoryChange.Place("long-guide", "", 1));
    });
    assertThat(r.effects.get(1)).isEqualTo(new Effect.Quit());
  }

  // ---- bookmarks

  @Test
  void mTogglesABookmarkAtTheCurrentSection() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "3", "j", "j", "m");
    String results = label(r.state.article().outline(), "3");
    assertThat(r.status()).isEqualTo("bookmarked " + results);
    assertThat(r.effects).containsExactly(new Effect.Persist(
        new MemoryChange.ToggleBookmark("long-guide", anchor(r.state, "3"), results, 2), false));
    assertThat(r.saved.isBookmarked("long-guide", anchor(r.state, "3"))).isTrue();
    r.press("m");
    assertThat(r.status()).isEqualTo("bookmark removed");
    assertThat(r.saved.bookmarks()).isEmpty();
  }

  @Test
  void quoteListsBookmarksAcrossArticlesAndEnterOpensOneAtItsPlace() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "5", "m", "q", "j", "Enter", "2", "m", "q");
    String sideEffects = label(fx.article("long-guide", 100, 30).article().outline(), "5");
    r.press("'");
    assertThat(r.state.overlay()).isEqualTo(ReaderState.Overlay.BOOKMARKS);
    List<String> lines = Panels.lines(r.state, fx.keymap).stream().map(l -> l.text()).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("Wide text").contains("2. Narrow");
    assertThat(lines.get(1)).contains("A long guide with twelve sections").contains(sideEffects);
    r.press("j", "Enter");
    assertThat(r.state.overlay()).isEqualTo(ReaderState.Overlay.NONE);
    assertThat(r.state.article().slug()).isEqualTo("long-guide");
    assertThat(r.state.article().top()).isEqualTo(sectionLine(r.state, "5"));
    assertThat(r.status()).isEqualTo("at bookmark " + sideEffects);
    // in the open article, a bookmark of it just moves there
    r.press("g", "'", "j", "Enter");
    assertThat(r.state.article().top()).isEqualTo(sectionLine(r.state, "5"));
    assertThat(r.effects).noneMatch(e -> e instanceof Effect.OpenArticle);
  }

  @Test
  void dDeletesTheChosenBookmarkAndEscCloses() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "5", "m", "2", "m", "'", "j", "d");
    assertThat(r.effects).singleElement().isInstanceOf(Effect.Persist.class);
    assertThat(r.status()).isEqualTo("bookmark removed");
    assertThat(r.saved.bookmarks()).singleElement().satisfies(b -> assertThat(b.sectionLabel()).startsWith("2. "));
    assertThat(r.state.memory().selected()).isZero();
    r.press("Esc");
    assertThat(r.state.overlay()).isEqualTo(ReaderState.Overlay.NONE);
    assertThat(r.state.screen()).isEqualTo(ReaderState.Screen.ARTICLE);
  }

  @Test
  void anEmptyBookmarksListSaysHowToMakeOne() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("'");
    assertThat(Panels.lines(r.state, fx.keymap).get(0).text()).contains("m bookmarks");
    r.press("Enter", "d");
    assertThat(r.all).isEmpty();
    r.press("'");
    assertThat(r.state.overlay()).isEqualTo(ReaderState.Overlay.NONE);
  }

  @Test
  void bigBShowsOnlyBookmarkedArticlesAndSaysSoInTheHeader() {
    Run none = new Run(clinicreader.state.ReaderState.empty()).press("B");
    assertThat(none.state.memory().bookmarkedOnly()).isFalse();
    assertThat(none.status()).contains("no bookmarks yet");

    Run r = new Run(clinicreader.state.ReaderState.empty()).press("j", "Enter", "m", "q", "B");
    assertThat(r.state.memory().bookmarkedOnly()).isTrue();
    assertThat(r.state.library().items()).extracting(ArticleMeta::slug).containsExactly("wide-text");
    assertThat(MemoryPanels.header(r.state, "1/1 \u00b7 by date ")).startsWith("bookmarked \u00b7 ");
    r.press("B");
    assertThat(r.state.memory().bookmarkedOnly()).isFalse();
    assertThat(r.state.library().items()).extracting(ArticleMeta::slug).containsExactly("long-guide", "wide-text");
    assertThat(r.state.library().current().slug()).isEqualTo("wide-text");
  }

  // ---- read marks and recent

  @Test
  void uTogglesReadOnTheSelectedArticleAndOpeningMarksRead() {
    Run r = new Run(clinicreader.state.ReaderState.empty());
    assertThat(r.state.memory().unread("long-guide")).isTrue();
    r.press("u");
    assertThat(r.effects).containsExactly(new Effect.Persist(new MemoryChange.Read("long-guide", true), false));
    assertThat(r.status()).isEqualTo("marked read");
    assertThat(r.state.memory().unread("long-guide")).isFalse();
    r.press("u");
    assertThat(r.state.memory().unread("long-guide")).isTrue();
    assertThat(r.status()).isEqualTo("marked unread");
    r.press("j", "Enter", "q");
    assertThat(r.state.memory().unread("wide-text")).isFalse();
  }

  @Test
  void bigRListsRecentlyReadArticlesNewestFirstAndOpensOne() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter", "3", "q", "j", "Enter", "q", "R");
    assertThat(r.state.overlay()).isEqualTo(ReaderState.Overlay.RECENT);
    List<String> lines = Panels.lines(r.state, fx.keymap).stream().map(l -> l.text()).toList();
    assertThat(lines.get(0)).contains("Wide text");
    assertThat(lines.get(1)).contains("A long guide").contains("at 3. ");
    r.press("j", "Enter");
    assertThat(r.state.article().slug()).isEqualTo("long-guide");
    assertThat(r.state.article().top()).isEqualTo(sectionLine(r.state, "3"));
    assertThat(r.status()).startsWith("resumed at 3. ");
  }

  // ---- warnings and no memory

  @Test
  void startWarningsShowOneAtATime() {
    Run r = new Run(clinicreader.state.ReaderState.empty(), List.of("config.json:1:2: first", "state.json: second"));
    r.press("j");
    assertThat(r.status()).isEqualTo("config.json:1:2: first");
    r.press("k");
    assertThat(r.status()).isEqualTo("state.json: second");
    r.press("j");
    assertThat(r.status()).isNull();
  }

  @Test
  void aSaveWarningShowsOnTheStatusLine() {
    Run r = new Run(clinicreader.state.ReaderState.empty()).press("Enter");
    ReaderState s = fx.update.step(r.state, new Intent.Remembered(r.saved, "could not save reading state: permission denied")).state();
    assertThat(s.message()).contains("permission denied");
  }

  @Test
  void withoutMemoryTheKeysDoNothingAndNoEffectsAreMade() {
    ReaderState s = fx.library(100, 30);
    for (String k : List.of("u", "B", "R", "'")) {
      Update.Step step = fx.update.step(s, fx.keymap.intent(s, Key.of(k)));
      assertThat(step.effects()).as(k).isEmpty();
      assertThat(step.state().overlay()).as(k).isEqualTo(ReaderState.Overlay.NONE);
    }
    ReaderState a = fx.article("long-guide", 100, 30);
    assertThat(fx.update.step(a, fx.keymap.intent(a, Key.of("m"))).effects()).isEmpty();
    assertThat(fx.update.step(a, fx.keymap.intent(a, Key.of("j"))).effects()).isEmpty();
  }
}
