package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The keymap decodes every key it lists, and the help shows every binding. */
class KeymapTest {
  private final Fixture fx = new Fixture();

  private ReaderState in(Keymap.Context c) {
    ReaderState article = fx.article("long-guide", 100, 30);
    return switch (c) {
      case LIBRARY, GLOBAL -> fx.library(100, 30);
      case ARTICLE -> article;
      case SIDEBAR -> article.with(article.article().sidebar(true, true, true, 0));
      case HELP -> article.overlay(ReaderState.Overlay.HELP, 0);
      case CONTACT -> article.overlay(ReaderState.Overlay.CONTACT, 0);
      case RELATED -> article.with(article.find().related(0));
      case TAGS -> fx.library(100, 30).overlay(ReaderState.Overlay.TAGS, 0);
      case LINKS -> article.overlay(ReaderState.Overlay.LINKS, 0);
      case LINK -> article.overlay(ReaderState.Overlay.LINK, 0);
      case LISTS -> article.overlay(ReaderState.Overlay.BOOKMARKS, 0);
      case FINDINGS -> article.overlay(ReaderState.Overlay.FINDINGS, 0);
    };
  }

  @Test
  void everyBoundKeyGivesItsIntentInItsContext() {
    for (Keymap.Binding b : fx.keymap.bindings()) {
      ReaderState s = in(b.context());
      for (String k : b.keys()) {
        assertThat(fx.keymap.intent(s, Key.of(k))).as(b.context() + " " + k).isEqualTo(b.intent().apply(Key.of(k)));
      }
    }
  }

  @Test
  void helpListsEveryKeyOfTheScreen() {
    for (ReaderState.Screen screen : ReaderState.Screen.values()) {
      String help = Panels.help(fx.keymap, screen, 70).stream().map(l -> l.text()).collect(Collectors.joining("\n"));
      List<Keymap.Context> shown = screen == ReaderState.Screen.LIBRARY
          ? List.of(Keymap.Context.LIBRARY, Keymap.Context.GLOBAL)
          : List.of(Keymap.Context.ARTICLE, Keymap.Context.SIDEBAR, Keymap.Context.GLOBAL);
      for (Keymap.Binding b : fx.keymap.bindings()) {
        if (!shown.contains(b.context()) || b.label().isEmpty()) continue;
        assertThat(help).as(screen + " " + b.label()).contains(b.label()).contains(b.help());
      }
    }
    // every key that does something is named in the help of its screen
    for (Keymap.Context c : Keymap.Context.values()) {
      java.util.Set<String> named = fx.keymap.bindings().stream().filter(b -> b.context() == c)
          .flatMap(b -> java.util.Arrays.stream(b.label().split(" "))).collect(Collectors.toSet());
      for (Keymap.Binding b : fx.keymap.bindings()) {
        if (b.context() != c) continue;
        for (String k : b.keys()) {
          assertThat(named).as(c + " " + k).contains(k.matches("[1-9]") ? "1-9" : Keymap.display(k));
        }
      }
    }
    String article = Panels.help(fx.keymap, ReaderState.Screen.ARTICLE, 70).toString();
    assertThat(article).contains("1-9").contains("jump to section");
  }

  @Test
  void helpOfALivePreviewSaysQQuits() {
    String reader = Panels.help(fx.keymap, ReaderState.Screen.ARTICLE, 70, false).stream().map(l -> l.text())
        .collect(Collectors.joining("\n"));
    String preview = Panels.help(fx.keymap, ReaderState.Screen.ARTICLE, 70, true).stream().map(l -> l.text())
        .collect(Collectors.joining("\n"));
    assertThat(reader).contains("back to the library").doesNotContain("quit the preview");
    assertThat(preview).contains("quit the preview").doesNotContain("back to the library");
  }

  @Test
  void unboundKeysDoNothing() {
    ReaderState s = fx.article("long-guide", 100, 30);
    assertThat(fx.keymap.intent(s, Key.of("z"))).isNull();
    assertThat(fx.update.apply(s, null).state()).isSameAs(s);
  }

  @Test
  void thePromptTakesEveryPrintableKey() {
    ReaderState s = fx.article("long-guide", 100, 30).prompt(new Prompt(Prompt.Kind.SECTION, ""));
    assertThat(fx.keymap.intent(s, Key.of("q"))).isEqualTo(new Intent.PromptInput("q"));
    assertThat(fx.keymap.intent(s, Key.of("Enter"))).isEqualTo(new Intent.PromptSubmit());
    assertThat(fx.keymap.intent(s, Key.of("Esc"))).isEqualTo(new Intent.Cancel());
    assertThat(fx.keymap.intent(s, Key.of("Backspace"))).isEqualTo(new Intent.PromptBackspace());
  }
}
