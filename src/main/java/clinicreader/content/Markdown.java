package clinicreader.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The one Markdown parser configuration (CommonMark + GFM tables, strikethrough, autolinks). */
public final class Markdown {
  private static final List<Extension> EXTENSIONS = List.of(
      TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder()
      .extensions(EXTENSIONS)
      .includeSourceSpans(IncludeSourceSpans.BLOCKS)
      .build();

  private Markdown() {}

  /** Bodies at least this long (chars) may be parsed in two halves at once. */
  private static final int PARALLEL_CHARS = 1 << 20;

  /** Parses a Markdown body into commonmark's node tree, the project's document model. */
  public static Node parse(String body) {
    int split = body.length() >= PARALLEL_CHARS ? splitPoint(body) : -1;
    return split < 0 ? PARSER.parse(body) : parseInTwo(body, split);
  }

  /**
   * Where a body can be cut into two documents that parse to the same blocks as the whole: the
   * start of an ATX heading ("#" or "##" at the line start) after a blank line, near the middle.
   * Only for bodies without what could reach across such a line: link reference definitions
   * (their labels are document-wide), fenced code and HTML blocks (they run over blank lines and
   * headings). Any other open block ends at a blank line or at a heading at the line start.
   * -1 when there is no such place.
   */
  static int splitPoint(String body) {
    if (body.contains("]:")) return -1;
    int n = body.length();
    // each mark found by indexOf, then its line's start checked: not every line's start tested char by char
    if (startsLine(body, "<") || startsLine(body, "```") || startsLine(body, "~~~")) return -1;
    for (int at = body.indexOf("\n\n#", n / 2); at >= 0; at = body.indexOf("\n\n#", at + 1)) {
      int h = at + 2;
      int level = 0;
      while (h + level < n && body.charAt(h + level) == '#') level++;
      if (level <= 2 && h + level < n && body.charAt(h + level) == ' ') return h;
    }
    return -1;
  }

  /** Whether {@code mark} occurs in {@code body} after nothing but spaces and tabs on its line. */
  private static boolean startsLine(String body, String mark) {
    for (int at = body.indexOf(mark); at >= 0; at = body.indexOf(mark, at + 1)) {
      int k = at;
      while (k > 0 && (body.charAt(k - 1) == ' ' || body.charAt(k - 1) == '\t')) k--;
      if (k == 0 || body.charAt(k - 1) == '\n') return true;
    }
    return false;
  }

  /**
   * Parses {@code body[0, split)} here and {@code body[split, end)} on a second thread, then
   * moves the second document's blocks, their source positions shifted, after the first's.
   */
  static Node parseInTwo(String body, int split) {
    String tail = body.substring(split);
    // the second thread also moves its blocks' positions: that thread finishes first otherwise
    java.util.concurrent.FutureTask<Node> later = new java.util.concurrent.FutureTask<>(() -> {
      Node doc = PARSER.parse(tail);
      int lines = 0;
      for (int i = body.indexOf('\n'); i >= 0 && i < split; i = body.indexOf('\n', i + 1)) lines++;
      shift(doc, lines, split);
      return doc;
    });
    Thread t = new Thread(later, "parse-part");
    t.setDaemon(true);
    t.start();
    Node first = PARSER.parse(body.substring(0, split));
    Node second;
    try {
      second = later.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PARSER.parse(body);
    } catch (java.util.concurrent.ExecutionException e) {
      return PARSER.parse(body);
    }
    List<SourceSpan> spans = new java.util.ArrayList<>(first.getSourceSpans());
    spans.addAll(second.getSourceSpans());
    first.setSourceSpans(spans);
    for (Node n = second.getFirstChild(); n != null; ) {
      Node next = n.getNext();
      first.appendChild(n);
      n = next;
    }
    return first;
  }

  private static void shift(Node node, int lines, int chars) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (!spans.isEmpty()) {
      List<SourceSpan> moved = new java.util.ArrayList<>(spans.size());
      for (int i = 0; i < spans.size(); i++) {
        SourceSpan s = spans.get(i);
        moved.add(SourceSpan.of(s.getLineIndex() + lines, s.getColumnIndex(), s.getInputIndex() + chars, s.getLength()));
      }
      node.setSourceSpans(moved);
    }
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) shift(c, lines, chars);
  }
}
