package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Library;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key -> intent -> new state, for every binding, without a terminal. */
class UpdateTest {
  private final Fixture fx = new Fixture();

  private record Result(ReaderState state, List<Effect> effects) {}

  private Result press(ReaderState s, String... keys) {
    List<Effect> effects = List.of();
    for (String k : keys) {
      Update.Step step = fx.update.apply(s, fx.keymap.intent(s, Key.of(k)));
      s = step.state();
      effects = step.effects();
    }
    return new Result(s, effects);
  }

  private ReaderState guide() {
    return fx.article("long-guide", 100, 30);
  }

  private int sectionLine(ReaderState s, String number) {
    return s.article().page().sectionLines().get(s.article().outline().indexOfNumber(number));
  }

  // ---- library

  @Test
  void libraryListsNewestFirstAndMovesWithJkAndArrows() {
    ReaderState s = fx.library(100, 30);
    assertThat(s.library().current().slug()).isEqualTo("long-guide");
    assertThat(press(s, "j").state().library().selected()).isEqualTo(1);
    assertThat(press(s, "Down").state().library().selected()).isEqualTo(1);
    assertThat(press(s, "j", "k").state().library().selected()).isZero();
    assertThat(press(s, "j", "Up").state().library().selected()).isZero();
    assertThat(press(s, "k").state().library().selected()).isZero();
    assertThat(press(s, "j", "j", "j").state().library().selected()).isEqualTo(1);
  }

  @Test
  void libraryJumpsToEndsAndPages() {
    ReaderState s = fx.library(100, 30);
    for (String end : List.of("G", "End", "PgDn", "Space")) {
      assertThat(press(s, end).state().library().selected()).as(end).isEqualTo(1);
    }
    for (String start : List.of("g", "Home", "PgUp", "b")) {
      assertThat(press(s, "G", start).state().library().selected()).as(start).isZero();
    }
  }

  @Test
  void enterOpensTheSelectedArticle() {
    ReaderState s = fx.library(100, 30);
    for (String k : List.of("Enter", "l", "Right")) {
      assertThat(press(s, "j", k).effects()).as(k).containsExactly(new Effect.OpenArticle("wide-text"));
    }
  }

  @Test
  void sTogglesSortAndKeepsTheSelection() {
    ReaderState s = press(fx.library(100, 30), "j").state();
    ReaderState byTitle = press(s, "s").state();
    assertThat(byTitle.library().sort()).isEqualTo(Library.Sort.TITLE);
    assertThat(byTitle.library().items().get(0).slug()).isEqualTo("long-guide");
    assertThat(byTitle.library().current().slug()).isEqualTo("wide-text");
    assertThat(byTitle.message()).contains("title");
    assertThat(press(byTitle, "s").state().library().sort()).isEqualTo(Library.Sort.DATE);
  }

  @Test
  void qQuitsFromTheLibraryAndCtrlCOrEofFromAnywhere() {
    assertThat(press(fx.library(100, 30), "q").effects()).containsExactly(new Effect.Quit());
    assertThat(press(fx.library(100, 30), "C-c").effects()).containsExactly(new Effect.Quit());
    assertThat(press(guide(), "C-c").effects()).containsExactly(new Effect.Quit());
    assertThat(press(guide(), ":", "C-c").effects()).containsExactly(new Effect.Quit());
    assertThat(press(guide(), "c", "C-c").effects()).containsExactly(new Effect.Quit());
    assertThat(press(guide(), "EOF").effects()).containsExactly(new Effect.Quit());
  }

  @Test
  void aFailedOpenStaysOnTheLibraryWithAMessage() {
    ReaderState s = fx.update.apply(fx.library(100, 30), new Intent.OpenFailed("x", "x.md:1:1: broken")).state();
    assertThat(s.screen()).isEqualTo(ReaderState.Screen.LIBRARY);
    assertThat(s.message()).isEqualTo("x.md:1:1: broken");
  }

  @Test
  void problemsOfAnOpenedArticleStayInItsNotice() {
    Intent.Opened o = fx.opened("long-guide");
    Intent.Opened bad = new Intent.Opened(o.slug(), o.input(), List.of("a.md:2:1: bad date", "a.md:3:1: other"));
    ReaderState s = fx.update.apply(fx.library(100, 30), bad).state();
    assertThat(s.screen()).isEqualTo(ReaderState.Screen.ARTICLE);
    assertThat(s.article().notice()).isEqualTo("a.md:2:1: bad date (+1 more)");
    assertThat(press(s, "j").state().article().notice()).isEqualTo(s.article().notice());
  }

  // ---- article scrolling

  @Test
  void scrollsByLineLikeLess() {
    ReaderState s = guide();
    assertThat(s.article().top()).isZero();
    for (String k : List.of("j", "Down", "Enter")) assertThat(press(s, k).state().article().top()).as(k).isEqualTo(1);
    for (String k : List.of("k", "Up")) assertThat(press(s, "j", "j", k).state().article().top()).as(k).isEqualTo(1);
    assertThat(press(s, "k").state().article().top()).isZero();
  }

  @Test
  void pagesAndHalfPages() {
    ReaderState s = guide();
    int rows = 28;
    for (String k : List.of("Space", "PgDn")) assertThat(press(s, k).state().article().top()).as(k).isEqualTo(rows - 2);
    for (String k : List.of("b", "PgUp")) assertThat(press(s, "Space", "Space", k).state().article().top()).as(k).isEqualTo(rows - 2);
    assertThat(press(s, "d").state().article().top()).isEqualTo(rows / 2);
    assertThat(press(s, "d", "d", "u").state().article().top()).isEqualTo(rows / 2);
  }

  @Test
  void topAndEnd() {
    ReaderState s = guide();
    int end = s.article().page().size() - 28;
    for (String k : List.of("G", "End")) assertThat(press(s, k).state().article().top()).as(k).isEqualTo(end);
    for (String k : List.of("g", "Home")) assertThat(press(s, "G", k).state().article().top()).as(k).isZero();
    assertThat(press(s, "G", "j").state().article().top()).isEqualTo(end);
  }

  // ---- sections

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3", "4", "5", "6", "7", "8", "9"})
  void digitsPutTheSectionHeadingAtTheTop(String digit) {
    ReaderState s = press(guide(), digit).state();
    assertThat(s.article().top()).isEqualTo(sectionLine(s, digit));
    assertThat(s.article().outline().sections().get(s.article().section()).number()).isEqualTo(digit);
    assertThat(s.article().page().lines().get(s.article().top()).text()).matches("(?U)" + digit + "\\.\\s\\S.*");
  }

  @Test
  void colonNumberEnterJumpsToSectionTenAndUp() {
    ReaderState s = guide();
    ReaderState prompting = press(s, ":", "1", "2").state();
    assertThat(prompting.prompt()).isEqualTo(new Prompt(Prompt.Kind.SECTION, "12"));
    ReaderState jumped = press(prompting, "Enter").state();
    assertThat(jumped.prompt()).isNull();
    assertThat(jumped.article().top()).isEqualTo(sectionLine(jumped, "12"));
    assertThat(press(s, ":", "3", ".", "2", "Enter").state().article().top()).isEqualTo(sectionLine(s, "3.2"));
    assertThat(press(s, ":", "1", "Backspace", "1", "0", "Enter").state().article().top()).isEqualTo(sectionLine(s, "10"));
    assertThat(press(s, ":", "4", "Esc").state().prompt()).isNull();
    assertThat(press(s, ":", "4", "Esc").state().article().top()).isZero();
    assertThat(press(s, ":", "Backspace").state().prompt()).isNull();
  }

  @Test
  void anUnknownSectionLeavesThePlaceAndSaysWhy() {
    ReaderState s = press(guide(), ":", "4", "0", "Enter").state();
    assertThat(s.article().top()).isZero();
    assertThat(s.message()).isEqualTo("No section 40; this article has sections 1\u201312");
    assertThat(press(s, "j").state().message()).isNull();
  }

  @Test
  void bracketsStepThroughSections() {
    ReaderState s = guide();
    ReaderState first = press(s, "]").state();
    assertThat(first.article().top()).isEqualTo(sectionLine(s, "1"));
    assertThat(press(first, "]").state().article().top()).isEqualTo(sectionLine(s, "2"));
    assertThat(press(s, "3", "]").state().article().top()).isEqualTo(sectionLine(s, "3.1"));
    assertThat(press(s, "3", "[").state().article().top()).isEqualTo(sectionLine(s, "2"));
    assertThat(press(s, "3", "j", "[").state().article().top()).isEqualTo(sectionLine(s, "3"));
    assertThat(press(s, "1", "[").state().article().top()).isZero();
    assertThat(press(s, ":", "1", "2", "Enter", "]").state().message()).isEqualTo("This is the last section");
  }

  // ---- sidebar

  @Test
  void sidebarIsShownByDefaultFrom110ColumnsAndToggledWithT() {
    assertThat(fx.article("long-guide", 109, 30).article().sidebar()).isFalse();
    ReaderState wide = fx.article("long-guide", 110, 30);
    assertThat(wide.article().sidebar()).isTrue();
    assertThat(press(wide, "t").state().article().sidebar()).isFalse();
    assertThat(press(guide(), "t").state().article().sidebar()).isTrue();
    ReaderState narrow = fx.article("long-guide", 50, 30);
    assertThat(press(narrow, "t").state().article().sidebar()).isFalse();
    assertThat(press(narrow, "t").state().message()).contains("needs at least 60 columns");
  }

  @Test
  void togglingTheSidebarKeepsThePlace() {
    ReaderState s = press(guide(), "5").state();
    ReaderState t = press(s, "t").state();
    assertThat(t.article().page().width()).isLessThan(s.article().page().width());
    assertThat(t.article().top()).isEqualTo(sectionLine(t, "5"));
  }

  @Test
  void tabFocusesTheSidebarWhereJkAndEnterJump() {
    ReaderState s = press(guide(), "2").state();
    ReaderState focused = press(s, "Tab").state();
    assertThat(focused.article().sidebar()).isTrue();
    assertThat(focused.article().sidebarFocus()).isTrue();
    assertThat(focused.article().sidebarSelected()).isEqualTo(1);
    ReaderState moved = press(focused, "j", "j", "Down", "k", "Up").state();
    assertThat(moved.article().sidebarSelected()).isEqualTo(2);
    assertThat(moved.article().top()).isEqualTo(focused.article().top());
    assertThat(focused.article().top()).isEqualTo(sectionLine(focused, "2"));
    ReaderState jumped = press(moved, "Enter").state();
    assertThat(jumped.article().top()).isEqualTo(sectionLine(jumped, "3"));
    assertThat(jumped.article().sidebarFocus()).isFalse();
    assertThat(press(focused, "G").state().article().sidebarSelected()).isEqualTo(focused.article().outline().sections().size() - 1);
    assertThat(press(focused, "G", "g").state().article().sidebarSelected()).isZero();
    assertThat(press(focused, "Esc").state().article().sidebarFocus()).isFalse();
    assertThat(press(focused, "Tab").state().article().sidebarFocus()).isFalse();
    // other article keys still work while the sidebar has the focus
    assertThat(press(focused, "7").state().article().top()).isEqualTo(sectionLine(focused, "7"));
  }

  @Test
  void backInTheLibraryTheArticleJustReadIsSelected() {
    ReaderState s = fx.article("wide-text", 100, 30);
    assertThat(press(s, "q").state().library().current().slug()).isEqualTo("wide-text");
  }

  @Test
  void qGoesBackToTheLibrary() {
    for (String k : List.of("q", "Left")) {
      Result r = press(guide(), "j", k);
      assertThat(r.state().screen()).as(k).isEqualTo(ReaderState.Screen.LIBRARY);
      assertThat(r.effects()).isEmpty();
      assertThat(press(r.state(), "q").effects()).containsExactly(new Effect.Quit());
    }
  }

  // ---- overlays

  @Test
  void cOpensAndClosesTheContactPanel() {
    for (ReaderState s : List.of(guide(), fx.library(100, 30))) {
      ReaderState open = press(s, "c").state();
      assertThat(open.overlay()).isEqualTo(ReaderState.Overlay.CONTACT);
      for (String close : List.of("c", "Esc", "q", "Enter")) {
        Result r = press(open, close);
        assertThat(r.state().overlay()).as(close).isEqualTo(ReaderState.Overlay.NONE);
        assertThat(r.state().screen()).isEqualTo(s.screen());
        assertThat(r.effects()).isEmpty();
      }
      assertThat(press(open, "?").state().overlay()).isEqualTo(ReaderState.Overlay.HELP);
    }
  }

  @Test
  void overlaysScrollWithinTheirContent() {
    ReaderState small = fx.article("long-guide", 60, 12);
    ReaderState open = press(small, "c").state();
    assertThat(press(open, "j").state().overlayTop()).isEqualTo(1);
    assertThat(press(open, "Down", "Down", "k").state().overlayTop()).isEqualTo(1);
    assertThat(press(open, "Up").state().overlayTop()).isZero();
    int lines = Panels.lines(open, fx.keymap).size();
    int max = Panels.box(60, 12, lines).maxTop(lines);
    assertThat(max).isPositive();
    assertThat(press(open, "Space", "Space", "Space", "Space", "PgDn", "PgDn").state().overlayTop()).isEqualTo(max);
    assertThat(press(open, "Space", "b").state().overlayTop()).isZero();
    assertThat(press(open, "Space", "PgUp").state().overlayTop()).isZero();
    // scrolling the panel does not move the page under it
    assertThat(press(open, "j", "j").state().article().top()).isZero();
  }

  @Test
  void questionMarkShowsHelpForTheCurrentScreen() {
    ReaderState help = press(fx.article("long-guide", 100, 20), "?").state();
    assertThat(help.overlay()).isEqualTo(ReaderState.Overlay.HELP);
    for (String close : List.of("?", "Esc", "q", "Enter")) {
      assertThat(press(help, close).state().overlay()).as(close).isEqualTo(ReaderState.Overlay.NONE);
    }
    assertThat(press(help, "c").state().overlay()).isEqualTo(ReaderState.Overlay.CONTACT);
    assertThat(press(help, "j").state().overlayTop()).isEqualTo(1);
    assertThat(press(help, "j", "k").state().overlayTop()).isZero();
    assertThat(press(help, "Space", "b").state().overlayTop()).isZero();
    assertThat(press(fx.library(100, 30), "?").state().overlay()).isEqualTo(ReaderState.Overlay.HELP);
  }

  // ---- resize, mouse

  @Test
  void resizeKeepsTheSectionAtTheTop() {
    ReaderState s = fx.article("long-guide", 120, 40);
    s = press(s, "6").state();
    ReaderState r = fx.update.apply(s, new Intent.Resize(60, 20)).state();
    assertThat(r.article().sidebar()).isFalse();
    assertThat(r.article().page().width()).isEqualTo(58);
    assertThat(r.article().top()).isEqualTo(sectionLine(r, "6"));
  }

  @Test
  void resizeKeepsTheParagraphInsideASection() {
    ReaderState s = press(fx.article("long-guide", 120, 40), "4", "j", "j").state();
    String before = s.article().page().lines().get(s.article().top()).text();
    ReaderState r = fx.update.apply(s, new Intent.Resize(60, 20)).state();
    assertThat(r.article().section()).isEqualTo(s.article().section());
    assertThat(before).startsWith("Paragraph 1 of the section about side effects");
    assertThat(r.article().page().lines().get(r.article().top()).block())
        .isEqualTo(s.article().page().lines().get(s.article().top()).block());
  }

  @Test
  void wheelScrollsAndClicksSelect() {
    assertThat(fx.update.apply(guide(), new Intent.Wheel(3)).state().article().top()).isEqualTo(3);
    ReaderState lib = fx.library(100, 30);
    Update.Step click = fx.update.apply(lib, new Intent.Click(10, 4));
    assertThat(click.effects()).containsExactly(new Effect.OpenArticle("wide-text"));
    assertThat(fx.update.apply(lib, new Intent.Click(10, 0)).effects()).isEmpty();
    ReaderState wide = fx.article("long-guide", 120, 40);
    ReaderState jumped = fx.update.apply(wide, new Intent.Click(3, 3)).state();
    assertThat(jumped.article().top()).isEqualTo(sectionLine(wide, "3"));
  }
}
