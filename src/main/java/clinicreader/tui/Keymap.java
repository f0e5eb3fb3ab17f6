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
    HELP("Help"), CONTACT("Contact panel"),
    // finding
    RELATED("Related articles (after Tab or r)"), TAGS("Tag list"), LINKS("Link list"), LINK("Link panel"),
    // memory
    LISTS("Bookmarks and recent lists (' and R)"),
    // preview
    FINDINGS("Check findings");

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
    m.bind(A, "Space PgDn", "page down", of(new Intent.Page(1)), "Space", "PgDn");
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
    m.bind(A, "Tab", "focus related articles (if shown), then contents", of(new Intent.ToggleFocus()), "Tab");
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
    findKeys(m);

    // ---- memory: bookmarks, read marks, recently read (see MemoryUpdate)
    m.bind(L, "u", "mark read / unread (\u2022 marks articles not read yet)", of(new Intent.ToggleRead()), "u");
    m.bind(L, "B", "show only bookmarked articles / all", of(new Intent.ToggleBookmarkedOnly()), "B");
    m.bind(L, "R", "recently read articles", of(new Intent.OpenRecent()), "R");
    m.bind(A, "m", "bookmark this section (again: remove it)", of(new Intent.ToggleBookmark()), "m");
    m.bind(G, "'", "bookmarks in all articles", of(new Intent.OpenBookmarks()), "'");
    Context M = Context.LISTS;
    m.bind(M, "j k \u2193 \u2191", "choose", of(new Intent.Move(1)), "j", "Down");
    m.bind(M, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(M, "g G Home End", "first / last", of(new Intent.Top()), "g", "Home");
    m.bind(M, "", "", of(new Intent.Bottom()), "G", "End");
    m.bind(M, "Enter l \u2192", "open it at its place", of(new Intent.Select()), "Enter", "l", "Right");
    m.bind(M, "d", "delete the bookmark", of(new Intent.DeleteEntry()), "d");
    m.bind(M, "' R", "switch to bookmarks / recent (again: close)",
        k -> k.name().equals("R") ? new Intent.OpenRecent() : new Intent.OpenBookmarks(), "'", "R");
    m.bind(M, "Esc q", "close", of(new Intent.Cancel()), "Esc", "q");

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

  /** Finding: search, tag filter, links, related articles, back. */
  private static void findKeys(Keymap m) {
    Context L = Context.LIBRARY;
    m.bind(L, "/", "search titles, summaries, tags and text", of(new Intent.OpenPrompt(Prompt.Kind.SEARCH)), "/");
    m.bind(L, "#", "filter by a tag", of(new Intent.PickTag()), "#");
    m.bind(L, "Esc", "clear the search and the tag filter", of(new Intent.Cancel()), "Esc");

    Context A = Context.ARTICLE;
    m.bind(A, "/", "search in this article", of(new Intent.OpenPrompt(Prompt.Kind.SEARCH)), "/");
    m.bind(A, "n N", "next / previous match", of(new Intent.NextMatch(1)), "n");
    m.bind(A, "", "", of(new Intent.NextMatch(-1)), "N");
    m.bind(A, "Esc", "clear the search highlight", of(new Intent.Cancel()), "Esc");
    m.bind(A, "f", "follow link \u2039N\u203a: type its number", of(new Intent.OpenPrompt(Prompt.Kind.LINK)), "f");
    m.bind(A, "l", "list the links on this page", of(new Intent.ShowLinks()), "l");
    m.bind(A, "r", "jump to the related articles", of(new Intent.FocusRelated()), "r");
    m.bind(A, "Backspace h", "back to the previous article, where you left it", of(new Intent.HistoryBack()), "Backspace", "h");

    Context R = Context.RELATED;
    m.bind(R, "j k \u2193 \u2191", "choose a related article", of(new Intent.Move(1)), "j", "Down");
    m.bind(R, "", "", of(new Intent.Move(-1)), "k", "Up");
    m.bind(R, "Enter", "open it", of(new Intent.Select()), "Enter");
    m.bind(R, "Tab", "the next one, then the contents sidebar", of(new Intent.ToggleFocus()), "Tab");
    m.bind(R, "Esc", "back to the text", of(new Intent.Cancel()), "Esc");

    for (Context c : List.of(Context.TAGS, Context.LINKS)) {
      m.bind(c, "j k \u2193 \u2191", "choose", of(new Intent.Move(1)), "j", "Down");
      m.bind(c, "", "", of(new Intent.Move(-1)), "k", "Up");
      m.bind(c, "g G Home End", "first / last", of(new Intent.Top()), "g", "Home");
      m.bind(c, "", "", of(new Intent.Bottom()), "G", "End");
    }
    m.bind(Context.TAGS, "Enter", "filter by the chosen tag (All: no filter)", of(new Intent.Select()), "Enter");
    m.bind(Context.TAGS, "Esc #", "show all articles", of(new Intent.Cancel()), "Esc", "#");
    m.bind(Context.TAGS, "q", "close", of(new Intent.Back()), "q");
    m.bind(Context.LINKS, "Enter", "follow the chosen link", of(new Intent.Select()), "Enter");
    m.bind(Context.LINKS, "Esc q l", "close", of(new Intent.Cancel()), "Esc", "q", "l");
    m.bind(Context.LINK, "Esc q Enter", "close", of(new Intent.Cancel()), "Esc", "q", "Enter");
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
      // finding: the arrows choose among the search results while typing
      if (s.prompt().kind() == Prompt.Kind.SEARCH && (k.equals("Down") || k.equals("Up"))) return new Intent.Move(k.equals("Down") ? 1 : -1);
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
      case TAGS -> List.of(Context.TAGS);
      case LINKS -> List.of(Context.LINKS);
      case LINK -> List.of(Context.LINK);
      case BOOKMARKS, RECENT -> List.of(Context.LISTS);
      case FINDINGS -> List.of(Context.FINDINGS);
      case NONE -> {
        if (s.screen() == ReaderState.Screen.LIBRARY) yield List.of(Context.LIBRARY, Context.GLOBAL);
        if (s.find().related() >= 0) yield List.of(Context.RELATED, Context.ARTICLE, Context.GLOBAL);
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
        : List.of(Context.ARTICLE, Context.SIDEBAR, Context.RELATED, Context.GLOBAL);
    shown = java.util.stream.Stream.concat(shown.stream(), java.util.stream.Stream.of(Context.LISTS)).toList();
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
