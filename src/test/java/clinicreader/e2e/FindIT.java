package clinicreader.e2e;

import static clinicreader.e2e.TmuxPane.START;
import static clinicreader.e2e.TmuxPane.STEP;
import static clinicreader.e2e.TmuxPane.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * End to end, finding things with the real launcher in a tmux pane at 100x30: search the
 * library for "midazolam", open the result at its match (highlighted on screen, "match 1 of" in
 * the status line), follow a link to another article with {@code f} and come back to the same
 * line with Backspace. State, config and cache go to temporary directories. Skipped only when
 * tmux is not installed.
 */
class FindIT extends PaneCase {
  private static final Pattern INTERNAL = Pattern.compile("\u2039(\\d+)\u203a[^\u2502]*\\.md");

  /** The article opens at the first match in the section of the best one: not always the first on the page. */
  private static final Pattern MATCH = Pattern.compile("match \\d+ of \\d+");


  @Test
  void searchOpensTheMatchHighlightedAndALinkLeadsBackToTheSameLine() throws Exception {
    pane.type("./clinic-reader --theme dark");
    pane.waitFor("the library", s -> row(s, 0).contains("Quillfield")
        && pane.ctaLine(s).contains("press c for contact"), START);
    pane.keys("/");
    pane.waitFor("the search prompt", s -> pane.statusLine(s).startsWith(" /"), STEP);
    pane.send("midazolam");
    pane.waitFor("the narrowed list", s -> pane.statusLine(s).contains("/midazolam")
        && pane.statusLine(s).contains("found"), STEP);
    pane.keys("Enter");
    List<String> article = pane.waitFor("the article at its match",
        s -> MATCH.matcher(pane.statusLine(s)).find(), STEP);
    assertThat(String.join("\n", article.subList(0, 28)).toLowerCase()).contains("midazolam");
    String colours = pane.captureWithEscapes();
    assertThat(highlighted(colours, "midazolam")).as("the match is drawn in its own colours:\n" + colours).isTrue();

    String firstRow = article.get(0);
    String status = article.get(28);
    pane.keys("l");
    List<String> list = pane.waitFor("the link list", s -> String.join("\n", s).contains("Links on this page"), STEP);
    Matcher m = INTERNAL.matcher(String.join("\n", list));
    assertThat(m.find()).as("a link to another article:\n" + String.join("\n", list)).isTrue();
    String number = m.group(1);
    pane.keys("Escape");
    pane.waitFor("the list closed", s -> !String.join("\n", s).contains("Links on this page"), STEP);
    pane.keys("f");
    pane.waitFor("the link prompt", s -> pane.statusLine(s).contains("Follow link:"), STEP);
    pane.send(number);
    Thread.sleep(300);
    if (pane.statusLine(pane.screen()).contains("Follow link:")) pane.keys("Enter");
    pane.waitFor("another article", s -> !MATCH.matcher(pane.statusLine(s)).find()
        && pane.statusLine(s).contains("%") && !row(s, 0).equals(firstRow), STEP);
    pane.keys("BSpace");
    List<String> back = pane.waitFor("the same line of the first article",
        s -> row(s, 0).equals(firstRow) && pane.statusLine(s).equals(status), STEP);
    assertThat(back.get(0)).isEqualTo(firstRow);
    pane.keys("q", "q");
    pane.waitFor("the shell again", s -> String.join("\n", s).contains("./clinic-reader --theme dark"), STEP);
  }

  /** Whether {@code word} shows with a background or reverse video that ends right after it. */
  private static boolean highlighted(String ansi, String word) {
    String lower = ansi.toLowerCase();
    for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      String before = ansi.substring(Math.max(0, at - 40), at);
      int lastEsc = before.lastIndexOf('\u001b');
      boolean styled = lastEsc >= 0 && before.substring(lastEsc).matches("(?s)\u001b\\[[0-9;]*m")
          && (before.contains("48;5;") || before.contains("[7m") || before.contains(";7m"));
      boolean ends = at + word.length() < ansi.length() && ansi.charAt(at + word.length()) == '\u001b';
      if (styled && ends) return true;
    }
    return false;
  }
}
