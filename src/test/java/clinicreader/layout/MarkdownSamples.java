package clinicreader.layout;

import java.util.Random;

/**
 * Random Markdown for property tests: headings, paragraphs with emphasis, code, links and
 * images, nested lists and quotes, fenced code, tables, rules and HTML; words mix ASCII, CJK,
 * emoji (with modifiers and ZWJ), combining marks, control and bidi characters.
 */
public final class MarkdownSamples {
  private MarkdownSamples() {}

  private static final String[] LATIN = {
      "ketamine", "dose", "a", "of", "the", "clinic", "treatment-resistant", "follow-up", "visit",
      "Pneumonoultramicroscopicsilicovolcanoconiosis", "https://example.org/a/long/path/for/testing/links",
      "x", "mg", "well-being", "(see", "note)", "don't", "\"quoted\"", "semi;colon", "end."};
  private static final String[] OTHER = {
      "漢字", "日本語の文章", "한국어", "中文句子", "テスト", "🙂", "👍🏽", "👩\u200d⚕\ufe0f", "🇺🇸", "❤\ufe0f",
      "cafe\u0301", "n\u0308", "A\u030a", "naïve", "zero\u200bwidth", "\u00a0nbsp", "ＡＢＣ", "✔"};
  private static final String[] CONTROL = {
      "\u0007", "\u001b[31m", "\u001b]0;t\u0007", "\u0008", "\u007f", "\u0085", "\u009b", "\u202e", "\u2066",
      "\u0000", "\u0001", "\u000b", "\u000c", "\u2028"};

  /** A whole document of one to eight blocks. */
  public static String document(Random r) {
    StringBuilder sb = new StringBuilder();
    int blocks = 1 + r.nextInt(8);
    for (int i = 0; i < blocks; i++) {
      block(r, sb, "", 0);
      // now and then no blank line, so blocks run into each other (setext headings, lazy lines)
      if (r.nextInt(5) > 0) sb.append('\n');
    }
    return sb.toString();
  }

  private static void block(Random r, StringBuilder sb, String indent, int depth) {
    int kind = r.nextInt(depth > 3 ? 4 : 11);
    switch (kind) {
      case 0, 1, 2 -> sb.append(indent).append(inline(r, 1 + r.nextInt(30))).append('\n');
      case 3 -> {
        sb.append(indent).append("```\n");
        int lines = 1 + r.nextInt(4);
        for (int i = 0; i < lines; i++) sb.append(indent).append(words(r, 1 + r.nextInt(25))).append('\n');
        sb.append(indent).append("```\n");
      }
      case 4 -> sb.append(indent).append("#".repeat(1 + r.nextInt(6))).append(' ')
          .append(inline(r, 1 + r.nextInt(10))).append('\n');
      case 5 -> {
        boolean ordered = r.nextBoolean();
        boolean loose = r.nextInt(3) == 0;
        int items = 1 + r.nextInt(4);
        for (int i = 0; i < items; i++) {
          String marker = ordered ? (i + 1) + ". " : "- ";
          String inner = indent + " ".repeat(marker.length());
          sb.append(indent).append(marker).append(inline(r, 1 + r.nextInt(12))).append('\n');
          if (r.nextInt(3) == 0) {
            if (loose) sb.append('\n');
            block(r, sb, inner, depth + 1);
          }
          if (loose) sb.append('\n');
        }
      }
      case 6 -> {
        StringBuilder inner = new StringBuilder();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          block(r, inner, "", depth + 1);
          inner.append('\n');
        }
        for (String l : inner.toString().split("\n", -1)) sb.append(indent).append("> ").append(l).append('\n');
      }
      case 7 -> {
        int cols = 1 + r.nextInt(9);
        int rows = r.nextInt(4);
        row(r, sb, indent, cols);
        sb.append(indent).append("|---".repeat(cols)).append("|\n");
        for (int i = 0; i < rows; i++) row(r, sb, indent, cols);
      }
      case 8 -> sb.append(indent).append(r.nextBoolean() ? "---" : "***").append('\n');
      case 9 -> sb.append(indent).append("<div>\n").append(indent).append(words(r, 1 + r.nextInt(8)))
          .append('\n').append(indent).append("</div>\n");
      default -> sb.append(indent).append(inline(r, 1 + r.nextInt(10))).append("\\\n").append(indent)
          .append(inline(r, 1 + r.nextInt(10))).append('\n');
    }
  }

  private static void row(Random r, StringBuilder sb, String indent, int cols) {
    sb.append(indent);
    for (int c = 0; c < cols; c++) sb.append("| ").append(inline(r, 1 + r.nextInt(5))).append(' ');
    sb.append("|\n");
  }

  /** Inline text: words, some wrapped in emphasis, strong, strike, code, links or images. */
  static String inline(Random r, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(' ');
      String w = word(r);
      switch (r.nextInt(14)) {
        case 0 -> sb.append('*').append(w).append('*');
        case 1 -> sb.append("**").append(w).append("**");
        case 2 -> sb.append("~~").append(w).append("~~");
        case 3 -> sb.append('`').append(w.replace("`", "")).append('`');
        case 4 -> sb.append('[').append(w).append(' ').append(word(r)).append("](https://example.org/").append(i)
            .append(')');
        case 5 -> sb.append("![").append(w).append("](img").append(i).append(".png)");
        default -> sb.append(w);
      }
    }
    return sb.toString();
  }

  static String words(Random r, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(' ');
      sb.append(word(r));
    }
    return sb.toString();
  }

  /** One word; never a bare number, so a heading never starts with what looks like its own number. */
  static String word(Random r) {
    int k = r.nextInt(10);
    String w;
    if (k < 5) w = LATIN[r.nextInt(LATIN.length)];
    else if (k < 8) w = OTHER[r.nextInt(OTHER.length)];
    else if (k < 9) w = "w" + CONTROL[r.nextInt(CONTROL.length)] + "x";
    else w = LATIN[r.nextInt(LATIN.length)] + OTHER[r.nextInt(OTHER.length)];
    return w;
  }
}
