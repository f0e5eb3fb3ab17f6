package clinicreader.check;

import clinicreader.content.Article;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Finds where things are in an article file (1-based line and column). Block nodes carry
 * source spans relative to the body, so the body's first line is added; inline nodes have
 * none, so they are found by searching their block's source text for a needle (a link's
 * destination), moving forward through the block so repeated links map to successive places.
 */
final class SourceMap {
  private final String[] lines;
  private final int bodyLine;
  private final Map<Node, BlockText> blocks = new IdentityHashMap<>();

  /** A position: 1-based line and column; column 0 means unknown. */
  record Pos(int line, int column) {}

  SourceMap(Article article) {
    this.lines = article.source().text().split("\n", -1);
    this.bodyLine = article.bodyLine();
  }

  /** The file's lines (decoded text, without line ends). */
  String[] lines() {
    return lines;
  }

  /** Line {@code n} (1-based) of the file, or "" past its end. */
  String line(int n) {
    return n >= 1 && n <= lines.length ? lines[n - 1] : "";
  }

  /** Where a block node (or the block holding an inline node) starts. */
  Pos start(Node node) {
    Node b = spanned(node);
    if (b == null) return new Pos(bodyLine, 0);
    SourceSpan s = b.getSourceSpans().get(0);
    return new Pos(s.getLineIndex() + bodyLine, s.getColumnIndex() + 1);
  }

  /**
   * Where {@code needle} occurs in the source of the block holding {@code inline}, searching on
   * from the previous hit in that block; the block's start when it is not there.
   */
  Pos find(Node inline, String needle) {
    return find(inline, needle, 0);
  }

  /** Like {@link #find(Node, String)}, pointing {@code skip} characters into the needle. */
  Pos find(Node inline, String needle, int skip) {
    Node b = spanned(inline);
    if (b == null) return new Pos(bodyLine, 0);
    BlockText t = blocks.computeIfAbsent(b, this::text);
    int at = needle.isEmpty() ? -1 : t.text.indexOf(needle, t.cursor);
    if (at < 0 && !needle.isEmpty()) at = t.text.indexOf(needle);
    if (at < 0) return start(b);
    t.cursor = at + needle.length();
    return t.pos(at + skip);
  }

  /** Whether {@code needle} occurs in the source of the block holding {@code node}. */
  boolean contains(Node node, String needle) {
    Node b = spanned(node);
    return b != null && blocks.computeIfAbsent(b, this::text).text.contains(needle);
  }

  private static Node spanned(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.getSourceSpans().isEmpty()) return x;
    }
    return null;
  }

  private BlockText text(Node block) {
    StringBuilder sb = new StringBuilder();
    List<int[]> starts = new ArrayList<>();
    for (SourceSpan s : block.getSourceSpans()) {
      String l = line(s.getLineIndex() + bodyLine);
      int from = Math.min(s.getColumnIndex(), l.length());
      int to = Math.min(from + s.getLength(), l.length());
      if (sb.length() > 0) sb.append('\n');
      starts.add(new int[] {sb.length(), s.getLineIndex() + bodyLine, from});
      sb.append(l, from, to);
    }
    return new BlockText(sb.toString(), starts);
  }

  /** A block's source text joined by newlines, with where each piece starts in the file. */
  private static final class BlockText {
    final String text;
    final List<int[]> starts;
    int cursor;

    BlockText(String text, List<int[]> starts) {
      this.text = text;
      this.starts = starts;
    }

    Pos pos(int offset) {
      int[] best = starts.get(0);
      for (int[] s : starts) if (s[0] <= offset) best = s;
      return new Pos(best[1], best[2] + offset - best[0] + 1);
    }
  }
}
