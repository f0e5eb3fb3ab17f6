package clinicreader.tui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every key binding of the reader, in one table: key -> {@link Intent} per context. The help
 * overlay is made from this same table, so it always tells the truth.
 */
public final class Keymap {
  /** Where a binding applies. GLOBAL bindings apply on both screens (not in overlays or prompts). */
  public enum Context {
    LIBRARY("Library"), ARTICLE("Article"), SIDEBAR("Contents sidebar (after Tab)"), GLOBAL("Anywhere"),
    HELP("Help"), CONTACT("Contact panel"), FINDINGS("Check findings");

    private final String title;

    Context(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** One line of help: the keys as shown, what they do, and the keys' names. */
  public record Binding(Context context, String label, String help, List<String> keys, Function<Key, Intent> intent) {}

  private final List<Binding> bindings = new ArrayList<>();
  private final Map<Context, Map<String, Binding>> index = new LinkedHashMap<>();

  /** The reader's keys. */
  public static Keymap standard() {
    Keymap m = new Keymap();
    Context L = Context.LIBRARY;
    m.bind(L, "j k ↓ ↑", "next / previous article", of(new Intent.Move(1)), "j", "Down");
    m.bind(L, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(L, "Space b PgDn PgUp", "page down / up", of(new Intent.Page(1)), "PgDn", "Space");
    m.bind(L, "", "", of(new Intent.Page(-1)), "PgUp", "b");
    m.bind(L, "g G Home End", "first / last article", of(new Intent.Top()), "g", "Home");
    m.bind(L, "", "", of(new Intent.Bottom()), "G", "End");
    m.bind(L, "Enter l →", "read the selected article", of(new Intent.Select()), "Enter", "l", "Right");
    m.bind(L, "s", "sort by date / title", of(new Intent.ToggleSort()), "s");
    m.bind(L, "q", "quit", of(new Intent.Back()), "q");

    Context A = Context.ARTICLE;
    m.bind(A, "j k ↓ ↑ Enter", "scroll one line down / up", of(new Intent.Move(1)), "j", "Down", "Enter");
    m.bind(A, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(A, "Space f PgDn", "page down", of(new Intent.Page(1)), "Space", "PgDn", "f");
    m.bind(A, "b PgUp", "page up", of(new Intent.Page(-1)), "b", "PgUp");
    m.bind(A, "d u", "half page down / up", of(new Intent.HalfPage(1)), "d");
    m.bind(A, "", "", of(new Intent.HalfPage(-1)), "u");
    m.bind(A, "g Home", "top", of(new Intent.Top()), "g", "Home");
    m.bind(A, "G End", "end", of(new Intent.Bottom()), "G", "End");
    m.bind(A, "1-9", "jump to section 1-9", k -> new Intent.JumpSection(k.name()),
        "1", "2", "3", "4", "5", "6", "7", "8", "9");
    m.bind(A, ": N Enter", "jump to section N (10 and up, or 2.1)", of(new Intent.OpenPrompt(Prompt.Kind.SECTION)), ":");
    m.bind(A, "] [", "next / previous section", of(new Intent.StepSection(1)), "]");
    m.bind(A, "", "", of(new Intent.StepSection(-1)), "[");
    m.bind(A, "t", "show / hide the contents sidebar", of(new Intent.ToggleSidebar()), "t");
    m.bind(A, "Tab", "focus the contents sidebar", of(new Intent.ToggleFocus()), "Tab");
    m.bind(A, "q ←", "back to the library", of(new Intent.Back()), "q", "Left");
    // ---- preview: editor and check findings
    m.bind(A, "e", "edit this section in $VISUAL / $EDITOR (vi)", of(new Intent.Edit()), "e");
    m.bind(A, "!", "list the check's findings (in preview)", of(new Intent.ToggleFindings()), "!");

    Context S = Context.SIDEBAR;
    m.bind(S, "j k ↓ ↑", "choose a section", of(new Intent.Move(1)), "j", "Down");
    m.bind(S, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(S, "g G Home End", "first / last section", of(new Intent.Top()), "g", "Home");
    m.bind(S, "", "", of(new Intent.Bottom()), "G", "End");
    m.bind(S, "Enter", "jump to the chosen section", of(new Intent.Select()), "Enter");
    m.bind(S, "Tab Esc", "back to the text", of(new Intent.ToggleFocus()), "Tab", "Esc");

    Context G = Context.GLOBAL;
    m.bind(G, "c", "contact the clinic", of(new Intent.ToggleContact()), "c");
    m.bind(G, "?", "this help", of(new Intent.ToggleHelp()), "?");
    m.bind(G, "Ctrl-C", "quit", of(new Intent.Quit()), "C-c");

    Context H = Context.HELP;
    m.bind(H, "j k ↓ ↑", "scroll", of(new Intent.Move(1)), "j", "Down");
    m.bind(H, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(H, "Space b PgDn PgUp", "page down / up", of(new Intent.Page(1)), "Space", "PgDn");
    m.bind(H, "", "", of(new Intent.Page(-1)), "b", "PgUp");
    m.bind(H, "Esc ? q Enter", "close", of(new Intent.Cancel()), "Esc", "?", "q", "Enter");
    m.bind(H, "c", "contact the clinic", of(new Intent.ToggleContact()), "c");

    Context C = Context.CONTACT;
    m.bind(C, "j k ↓ ↑", "scroll", of(new Intent.Move(1)), "j", "Down");
    m.bind(C, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(C, "Space b PgDn PgUp", "page down / up", of(new Intent.Page(1)), "Space", "PgDn");
    m.bind(C, "", "", of(new Intent.Page(-1)), "b", "PgUp");
    m.bind(C, "Esc c q Enter", "close", of(new Intent.Cancel()), "Esc", "c", "q", "Enter");
    m.bind(C, "?", "help", of(new Intent.ToggleHelp()), "?");

    // ---- preview: the findings list
    Context F = Context.FINDINGS;
    m.bind(F, "j k ↓ ↑", "scroll", of(new Intent.Move(1)), "j", "Down");
    m.bind(F, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(F, "Space b PgDn PgUp", "page down / up", of(new Intent.Page(1)), "Space", "PgDn");
    m.bind(F, "", "", of(new Intent.Page(-1)), "b", "PgUp");
    m.bind(F, "Esc ! q Enter", "close", of(new Intent.Cancel()), "Esc", "q", "Enter");
    m.bind(F, "", "", of(new Intent.ToggleFindings()), "!");
    return m;
  }

  private static Function<Key, Intent> of(Intent i) {
    return k -> i;
  }

  private void bind(Context c, String label, String help, Function<Key, Intent> intent, String... keys) {
    Binding b = new Binding(c, label, help, List.of(keys), intent);
    bindings.add(b);
    Map<String, Binding> m = index.computeIfAbsent(c, x -> new LinkedHashMap<>());
    for (String k : keys) {
      if (m.putIfAbsent(k, b) != null) throw new IllegalStateException("key bound twice in " + c + ": " + k);
    }
  }

  /** The intent of a key in a state, or {@code null} when the key does nothing there. */
  public Intent intent(ReaderState s, Key key) {
    String k = key.name();
    if (k.equals("C-c") || k.equals("EOF")) return new Intent.Quit();
    switch (k) {
      case "WheelUp" -> {
        return new Intent.Wheel(-3);
      }
      case "WheelDown" -> {
        return new Intent.Wheel(3);
      }
      case "Click" -> {
        return new Intent.Click(key.col(), key.row());
      }
      default -> { }
    }
    if (s.prompt() != null) {
      return switch (k) {
        case "Enter" -> new Intent.PromptSubmit();
        case "Esc" -> new Intent.Cancel();
        case "Backspace" -> new Intent.PromptBackspace();
        case "Space" -> new Intent.PromptInput(" ");
        default -> key.printable() ? new Intent.PromptInput(k) : null;
      };
    }
    for (Context c : contexts(s)) {
      Binding b = index.getOrDefault(c, Map.of()).get(k);
      if (b != null) return b.intent().apply(key);
    }
    return null;
  }

  /** The contexts whose keys work in a state, most specific first. */
  public List<Context> contexts(ReaderState s) {
    return switch (s.overlay()) {
      case HELP -> List.of(Context.HELP);
      case CONTACT -> List.of(Context.CONTACT);
      case FINDINGS -> List.of(Context.FINDINGS);
      case NONE -> {
        if (s.screen() == ReaderState.Screen.LIBRARY) yield List.of(Context.LIBRARY, Context.GLOBAL);
        if (s.article() != null && s.article().sidebarFocus()) {
          yield List.of(Context.SIDEBAR, Context.ARTICLE, Context.GLOBAL);
        }
        yield List.of(Context.ARTICLE, Context.GLOBAL);
      }
    };
  }

  /** The help for a screen: its contexts, each with its key lines. */
  public Map<Context, List<Binding>> help(ReaderState.Screen screen) {
    List<Context> shown = screen == ReaderState.Screen.LIBRARY
        ? List.of(Context.LIBRARY, Context.GLOBAL)
        : List.of(Context.ARTICLE, Context.SIDEBAR, Context.GLOBAL);
    Map<Context, List<Binding>> out = new LinkedHashMap<>();
    for (Context c : shown) {
      List<Binding> lines = bindings.stream().filter(b -> b.context() == c && !b.label().isEmpty()).toList();
      out.put(c, lines);
    }
    return out;
  }

  /** How a key name is written in the help: arrows as arrows, "C-c" as "Ctrl-C". */
  public static String display(String key) {
    return switch (key) {
      case "Down" -> "\u2193";
      case "Up" -> "\u2191";
      case "Left" -> "\u2190";
      case "Right" -> "\u2192";
      case "C-c" -> "Ctrl-C";
      default -> key;
    };
  }

  /** Every binding, in order (for tests and documentation). */
  public List<Binding> bindings() {
    return List.copyOf(bindings);
  }
}
