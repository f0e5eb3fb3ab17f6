package clinicreader.layout;

import java.util.Random;

/**
 * Random Markdown from a small grammar that leans on what breaks renderers: deep nesting of
 * quotes, lists and emphasis, tables with many columns, long words, wide and combining
 * characters, numeric entities that decode to control characters, raw controls and escape
 * sequences, and link destinations that try to leave the articles directory.
 */
public final class HostileMarkdown {
  private HostileMarkdown() {}

  private static final String[] WORDS = {
      "word", "clinic", "dose", "a", "I", "ketamine", "x", "\u4e2d\u6587", "\ud83d\udc4d", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
      "e\u0301", "\ud83c\uddfa\ud83c\uddf8", "\u2764\ufe0f", "\uff21\uff22", "\u200b", "\ufeff", "na\u00efve", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
      "1.", "2)", "#", "-", "+", "*", ">", "|", "\\", "---", "===", "```", "~~~", "<!--", "-->", "&", "&amp;"};

  private static final String[] NASTY = {
      "&#27;", "&#x1b;", "&#x1B;[2J", "&#27;]52;c;eA==&#7;", "&#x9b;", "&#155;", "&#x85;", "&#127;", "&#0;", "&#x202e;",
      "&#x2066;", "&#x2028;", "&#x2029;", "&#xD800;", "&#x110000;", "&#8;", "&#13;", "&#10;", "&#9;",
      "\u001b[31m", "\u001b]0;title\u0007", "\u001b]8;;https://evil.example.com\u001b\\", "\u009b2J", "\u009d0;x\u009c",
      "\u0000", "\u0007", "\u0008", "\u007f", "\u202e", "\u2067", "\r", "\t", "\u000b", "\u000c", "\u0085",
      "\u2028", "\u2029", "\ud800", "\udfff"};

  private static final String[] DESTS = {
      "https://example.org/a", "../outside/secret.md", "/etc/passwd", "file:///etc/passwd", "other.md#x", "",
      "%2e%2e/x.md", "<a b>", "javascript:alert(1)", "https://example.org/&#27;[2J", "x\u001b]0;t\u0007.md"};

  public static String document(Random r) {
    StringBuilder sb = new StringBuilder();
    int blocks = 1 + r.nextInt(8);
    for (int i = 0; i < blocks; i++) {
      block(r, sb, "", r.nextInt(4));
      sb.append(r.nextInt(4) == 0 ? "\n" : "\n\n");
    }
    return sb.toString();
  }

  private static void block(Random r, StringBuilder sb, String indent, int depth) {
    int kind = r.nextInt(depth > 0 ? 13 : 9);
    switch (kind) {
      case 0, 1, 2 -> sb.append(indent).append(inline(r, 1 + r.nextInt(30), 3)).append('\n');
      case 3 -> sb.append(indent).append("#".repeat(1 + r.nextInt(7))).append(' ').append(inline(r, 1 + r.nextInt(6), 2))
          .append('\n');
      case 4 -> {
        sb.append(indent).append("```").append(r.nextBoolean() ? "java" : "").append('\n');
        for (int i = r.nextInt(4); i >= 0; i--) sb.append(indent).append(inline(r, r.nextInt(12), 0)).append('\n');
        if (r.nextInt(5) > 0) sb.append(indent).append("```\n");
      }
      case 5 -> table(r, sb, indent);
      case 6 -> sb.append(indent).append(r.nextBoolean() ? "---" : "<div>" + inline(r, 3, 0) + "</div>").append('\n');
      case 7 -> sb.append(indent).append("[ref").append(r.nextInt(3)).append("]: ").append(pick(r, DESTS)).append('\n')
          .append(indent).append("See [ref").append(r.nextInt(3)).append("].\n");
      case 8 -> sb.append(indent).append("    ").append(inline(r, 4, 0)).append('\n');
      case 9, 10 -> {
        String marker = r.nextBoolean() ? "> " : ">".repeat(1 + r.nextInt(r.nextInt(20) == 0 ? 150 : 4)) + " ";
        block(r, sb, indent + marker, depth - 1);
      }
      default -> {
        int items = 1 + r.nextInt(3);
        for (int i = 0; i < items; i++) {
          String marker = r.nextBoolean() ? "- " : (r.nextInt(1_000_000_000)) + ". ";
          if (r.nextInt(20) == 0) marker = marker.repeat(1 + r.nextInt(150));
          block(r, sb, indent + marker, depth - 1);
          indent = indent.replaceAll("[^ ]", " ");
        }
      }
    }
  }

  private static void table(Random r, StringBuilder sb, String indent) {
    int cols = 1 + (r.nextInt(20) == 0 ? r.nextInt(300) : r.nextInt(6));
    int rows = 1 + r.nextInt(4);
    for (int row = 0; row <= rows; row++) {
      sb.append(indent).append('|');
      for (int c = 0; c < cols; c++) {
        sb.append(row == 1 ? (r.nextBoolean() ? ":--" : "---") : " " + inline(r, r.nextInt(4), 1).replace("|", "\\|") + " ")
            .append('|');
      }
      sb.append('\n');
    }
  }

  static String inline(Random r, int atoms, int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < atoms; i++) {
      if (i > 0) sb.append(r.nextInt(8) == 0 ? "" : " ");
      int k = r.nextInt(depth > 0 ? 16 : 9);
      switch (k) {
        case 0, 1, 2 -> sb.append(pick(r, WORDS));
        case 3 -> sb.append(pick(r, NASTY));
        case 4 -> sb.append("&#").append(r.nextInt(0x110000 + 10)).append(';');
        case 5 -> sb.append("x".repeat(1 + r.nextInt(r.nextInt(20) == 0 ? 500 : 30)));
        case 6 -> sb.append((char) r.nextInt(0x3000));
        case 7 -> sb.append("Z").append("\u0336".repeat(r.nextInt(200)));
        case 8 -> sb.append(r.nextBoolean() ? "  \n" : "\\\n");
        case 9 -> {
          String m = pick(r, new String[] {"*", "**", "_", "__", "~~", "***"});
          int n = r.nextInt(20) == 0 ? 1 + r.nextInt(200) : 1;
          sb.append(m.repeat(n)).append(inline(r, 1 + r.nextInt(3), depth - 1)).append(m.repeat(n));
        }
        case 10 -> sb.append('[').append(inline(r, 1 + r.nextInt(3), depth - 1)).append("](").append(pick(r, DESTS))
            .append(r.nextBoolean() ? " \"t&#27;[1m\"" : "").append(')');
        case 11 -> sb.append("![").append(inline(r, r.nextInt(3), depth - 1)).append("](").append(pick(r, DESTS)).append(')');
        case 12 -> sb.append('`').append(pick(r, NASTY)).append(pick(r, WORDS)).append('`');
        case 13 -> sb.append("<https://example.org/").append(pick(r, NASTY)).append('>');
        case 14 -> sb.append("<span title=\"").append(pick(r, NASTY)).append("\">");
        default -> sb.append("[".repeat(1 + r.nextInt(50))).append(pick(r, WORDS)).append("]".repeat(r.nextInt(50)));
      }
    }
    return sb.toString();
  }

  private static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }
}
