package clinicreader.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.HardLineBreak;

/**
 * The numbered contents of an article, as plain data. {@code ##} headings (and {@code #}) are
 * sections 1, 2, 3...; {@code ###} headings are 2.1, 2.2 under their section. A heading that
 * already starts with its number ("3. Results") is not numbered twice.
 */
public record Outline(List<Section> sections) {

  /** One entry: its number ("2.1"), level (1 = section, 2 = subsection), title and anchor. */
  public record Section(String number, int level, String title, String anchor, int sourceLine) {
    /** "2.1 Results" */
    public String label() {
      return number + " " + title;
    }
  }

  /**
   * Where the number a heading starts with ends, when the heading is a number and a title
   * ({@code ^(\d+(?:\.\d+)*)[.)]?\s+(\S.*)$}: digits, dot-separated, an optional '.' or ')',
   * white space, then the title); -1 when it is not. Read by hand, greedily: no shorter number
   * could be followed by what the pattern needs (a test holds the two together).
   */
  static int ownNumberEnd(String t) {
    int n = t.length();
    int i = 0;
    while (i < n && isDigit(t.charAt(i))) i++;
    if (i == 0) return -1;
    while (i + 1 < n && t.charAt(i) == '.' && isDigit(t.charAt(i + 1))) {
      i++;
      while (i < n && isDigit(t.charAt(i))) i++;
    }
    return titleStart(t, i) >= 0 ? i : -1;
  }

  /** Where the title starts after a heading's number ending at {@code end}, or -1 (see {@link #ownNumberEnd}). */
  static int titleStart(String t, int end) {
    int n = t.length();
    int i = end;
    if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ')')) i++;
    int spaces = i;
    while (i < n && isSpace(t.charAt(i))) i++;
    if (i == spaces || i == n) return -1;
    // the title's first char is anything but white space; the pattern's '.' after it takes no
    // line terminator (a cleaned title holds none, but keep the pattern's answer)
    for (int k = i + 1; k < n; k++) {
      char c = t.charAt(k);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return -1;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The pattern's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  public Outline {
    sections = List.copyOf(sections);
  }

  /** Whether a heading of this Markdown level belongs in the outline. */
  public static boolean inOutline(int headingLevel) {
    return headingLevel <= 3;
  }

  /**
   * Whether a heading is a section of the outline: level 1 to 3, at the top level of the
   * document (a heading quoted in a block quote or inside a list item is not a section).
   */
  public static boolean isSection(Heading heading) {
    return inOutline(heading.getLevel()) && heading.getParent() instanceof Document;
  }

  /** The outline of a parsed document; {@code lineOffset} is the body's first line in the file. */
  public static Outline of(Node document, int lineOffset) {
    Builder b = new Builder();
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading heading && isSection(heading)) {
        int line = heading.getSourceSpans().isEmpty() ? 0
            : heading.getSourceSpans().get(0).getLineIndex() + lineOffset;
        b.add(heading.getLevel(), plainText(heading), line);
      }
    }
    return b.build();
  }

  /**
   * The plain text of the ATX heading line {@code t} (its {@code level} #s first) when its text
   * holds nothing inline Markdown could read as markup (letters, digits, spaces and plain
   * punctuation only): then it is the text itself, as {@link #plainText} would find it in the
   * parsed heading. Null for anything else, which is parsed.
   */
  static String plainAtx(String t, int level) {
    int from = level;
    int to = t.length();
    while (from < to && (t.charAt(from) == ' ' || t.charAt(from) == '\t')) from++;
    while (to > from && (t.charAt(to - 1) == ' ' || t.charAt(to - 1) == '\t')) to--;
    // an optional closing run of #s, after a space or tab (or alone)
    int hashes = to;
    while (hashes > from && t.charAt(hashes - 1) == '#') hashes--;
    if (hashes < to) {
      if (hashes == from) {
        to = from;
      } else if (t.charAt(hashes - 1) == ' ' || t.charAt(hashes - 1) == '\t') {
        to = hashes;
        while (to > from && (t.charAt(to - 1) == ' ' || t.charAt(to - 1) == '\t')) to--;
      }
    }
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      boolean plain = c < 0x80
          ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PLAIN_PUNCTUATION.indexOf(c) >= 0
          : !Character.isSurrogate(c) && Character.isLetterOrDigit(c);
      if (!plain) return null;
    }
    String text = t.substring(from, to);
    // an autolink keeps its text, but leave anything link-like to the parser all the same
    if (text.contains("www")) return null;
    return clinicreader.content.Text.cleanLine(text).strip();
  }

  private static final String PLAIN_PUNCTUATION = " .,;?'\"-()/%+=#";

  private static final Pattern SETEXT = Pattern.compile("^(=+|-+)[ \t]*$");

  /**
   * The outline found by scanning lines only, without parsing the body: used by the library
   * listing. Follows just enough block structure to agree with {@link #of}: ATX and setext
   * headings at the top level; fenced code (also in list items), HTML blocks, block quotes
   * (with their lazy lines), list items and GFM tables hold no sections. A property test holds
   * the two together on generated Markdown.
   */
  public static Outline scan(String body, int lineOffset) {
    byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int[] ends = new int[64];
    int lines = 0;
    boolean pipe = false;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length ? i > 0 && b[i - 1] != '\n' : b[i] == '\n') {
        if (lines == ends.length) ends = java.util.Arrays.copyOf(ends, lines * 2);
        ends[lines++] = pipe ? i | Integer.MIN_VALUE : i;
        pipe = false;
      } else if (i < b.length && b[i] == '|') {
        pipe = true;
      }
    }
    return scan(b, 0, ends, lines, lineOffset);
  }

  /**
   * {@link #scan(String, int)} over a body's UTF-8 bytes {@code b[from, ...)}: the block rules
   * are tested on the bytes (every char they look for is ASCII; any other char is just text), and
   * a String is made only of the rare lines that need one (headings, HTML, a paragraph before a
   * setext underline). The library's quick read ({@link MetaScan}) calls it with the line ends it
   * found: {@code ends} holds each line's end (its newline, or the body's end) for {@code lines}
   * lines, with the sign bit set on a line holding a '|'.
   */
  static Outline scan(byte[] b, int from, int[] ends, int lines, int lineOffset) {
    Builder out = new Builder();
    ByteChars view = new ByteChars(b);
    Matcher setext = SETEXT.matcher("");
    Matcher delimiter = TABLE_DELIMITER.matcher("");
    int fenceLength = 0;
    byte fenceChar = 0;
    boolean inList = false;
    // whether the list's last block is a paragraph, which a less indented line may lazily continue
    boolean itemParagraph = false;
    // where the content of the outermost open list item starts: a line indented less is not in it
    int listContent = 0;
    String htmlEnd = null;
    int blockIndent = 0;
    boolean lazyQuote = false;
    boolean inTable = false;
    boolean previousLine = false;
    boolean previousPipe = false;
    boolean previousBlank = true;
    // the open paragraph's lines (start and end of each), none while paragraphParts is -1
    int[] paragraph = new int[16];
    int paragraphParts = -1;
    int paragraphLine = 0;
    int start = from;
    for (int lineNo = 0; lineNo < lines; lineNo++) {
      int ls = start;
      int le = ends[lineNo] & Integer.MAX_VALUE;
      boolean pipe = ends[lineNo] < 0;
      start = le + 1;
      int ts = ls;
      while (ts < le && (b[ts] == ' ' || b[ts] == '\t')) ts++;
      int indent = ts - ls;
      boolean blank = ts == le;
      if ((fenceLength > 0 || htmlEnd != null) && inList && blockIndent > 0 && !blank && indent < blockIndent) {
        // the list item holding the code or HTML ended, and the block with it; a line less
        // indented than the item's text is no lazy part of it either (the item holds no paragraph)
        fenceLength = 0;
        htmlEnd = null;
        if (indent < listContent) inList = false;
      }
      if (fenceLength > 0) {
        if (indent < 4 + (inList ? 8 : 0) && closesFence(b, ts, le, fenceChar, fenceLength)) fenceLength = 0;
        previousBlank = false;
        continue;
      }
      if (htmlEnd != null) {
        if (htmlEnd.isEmpty() ? blank : containsLowerCase(b, ls, le, htmlEnd)) htmlEnd = null;
        previousBlank = blank;
        continue;
      }
      if (blank) {
        paragraphParts = -1;
        itemParagraph = false;
        lazyQuote = false;
        inTable = false;
        previousLine = false;
        previousBlank = true;
        continue;
      }
      byte first = b[ts];
      boolean mayStartItem = first == '-' || first == '*' || first == '+' || (first >= '0' && first <= '9');
      int marker = mayStartItem ? itemMarkerEnd(b, ts, le) : -1;
      // a line that is also a thematic break ("- - -", "* * *") is the break; in a paragraph, only
      // an item with text that is a bullet or starts at 1 begins a list (CommonMark's rule)
      boolean listItem = marker >= 0 && (marker == le || b[marker] == ' ' || b[marker] == '\t')
          && !((first == '-' || first == '*') && isThematicBreak(view.of(ts, le)))
          && (paragraphParts < 0 || interruptsParagraph(b, ts, le, marker));
      if (indent < listContent && previousBlank && !listItem) inList = false;
      // a less indented line continues the list only as part of its open paragraph: after a
      // break, heading or code in the item it starts a block of its own
      if (inList && indent < listContent && !listItem && !itemParagraph) inList = false;
      int fenceAt = -1;
      if (startsWith(b, ts, le, "```") || startsWith(b, ts, le, "~~~")) {
        fenceAt = ts;
      } else if (marker >= 0) {
        // a fence opening a list item: the marker, spaces or tabs, then a fence's three chars
        int f = marker;
        while (f < le && (b[f] == ' ' || b[f] == '\t')) f++;
        if (f > marker && (startsWith(b, f, le, "```") || startsWith(b, f, le, "~~~"))) fenceAt = f;
      }
      if (fenceAt >= 0 && indent < 4 + (inList ? 8 : 0)) {
        byte c = b[fenceAt];
        int k = fenceAt;
        while (k < le && b[k] == c) k++;
        if (c == '~' || indexOf(b, k, le, (byte) '`') < 0) {
          fenceChar = c;
          fenceLength = k - fenceAt;
          blockIndent = indent + (fenceAt - ts);
          if (fenceAt > ts) {
            // a fence opening a list item opens the item too
            if (!inList || indent < listContent) listContent = itemContent(b, ts, le, marker, indent);
            inList = true;
          } else if (indent < listContent) {
            inList = false;
          }
          paragraphParts = -1;
          itemParagraph = false;
          inTable = false;
          lazyQuote = false;
          previousBlank = false;
          continue;
        }
      }
      if (indent < 4 && first == '#' && (!inList || indent < listContent)) {
        int level = 0;
        while (ts + level < le && b[ts + level] == '#') level++;
        if (level <= 6 && (ts + level == le || b[ts + level] == ' ' || b[ts + level] == '\t')) {
          // a heading ends a list, and a table too
          inList = false;
          inTable = false;
          lazyQuote = false;
          paragraphParts = -1;
          if (inOutline(level)) {
            String t = utf8(b, ts, le);
            String plain = plainAtx(t, level);
            if (plain != null) {
              out.add(level, plain, lineNo + lineOffset);
            } else {
              Node doc = Markdown.parse(t);
              if (doc.getFirstChild() instanceof Heading h) out.add(level, plainText(h), lineNo + lineOffset);
            }
          }
          previousBlank = false;
          continue;
        }
      }
      if (indent < 4 && first == '<') {
        String t = utf8(b, ts, le);
        htmlEnd = htmlBlockEnd(t, paragraphParts >= 0);
        if (htmlEnd != null) {
          blockIndent = indent;
          paragraphParts = -1;
          itemParagraph = false;
          // an HTML block ends a table (and may end on the blank line that would have), a
          // quote's lazy lines, and a list it is less indented than (it interrupts paragraphs)
          inTable = false;
          lazyQuote = false;
          if (indent < listContent) inList = false;
          if (!htmlEnd.isEmpty() && t.toLowerCase(java.util.Locale.ROOT).indexOf(htmlEnd, 1) > 0) htmlEnd = null;
          previousBlank = false;
          continue;
        }
      }
      if (paragraphParts >= 0 && indent < 4 && (first == '=' || first == '-') && setext.reset(view.of(ts, le)).matches()) {
        int level = first == '=' ? 1 : 2;
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphParts; p += 2) {
          if (p > 0) text.append('\n');
          text.append(utf8(b, paragraph[p], paragraph[p + 1]));
        }
        Node doc = Markdown.parse(text + "\n" + utf8(b, ts, le));
        if (doc.getFirstChild() instanceof Heading h && h.getNext() == null) {
          out.add(level, plainText(h), paragraphLine + lineOffset);
        }
        paragraphParts = -1;
        previousBlank = false;
        continue;
      }
      boolean delimiterRow = pipe && delimiter.reset(view.of(ts, le)).matches() && previousLine && previousPipe;
      if (delimiterRow && indent < 4) {
        inTable = true;
        paragraphParts = -1;
      } else if (inTable && first != '>' && !listItem && !isThematicBreak(view.of(ts, le))) {
        paragraphParts = -1;
      } else if (first == '>' && indent < 4) {
        inTable = false;
        if (indent < listContent) inList = false;
        int i = ts;
        while (i < le && b[i] == '>') {
          i++;
          while (i < le && (b[i] == ' ' || b[i] == '\t')) i++;
        }
        lazyQuote = i < le && !startsWith(b, i, le, "```") && !startsWith(b, i, le, "~~~") && b[i] != '#';
        paragraphParts = -1;
      } else if (listItem && indent < 4) {
        // an item at the outermost level (not inside the content of the one before) sets it
        if (!inList || indent < listContent) listContent = itemContent(b, ts, le, marker, indent);
        inList = true;
        itemParagraph = opensParagraph(b, marker, le, view);
        inTable = false;
        lazyQuote = false;
        paragraphParts = -1;
      } else if (paragraphParts >= 0) {
        if (indent < 4 && isThematicBreak(view.of(ts, le))) {
          paragraphParts = -1;
        } else {
          if (paragraphParts + 2 > paragraph.length) paragraph = java.util.Arrays.copyOf(paragraph, paragraph.length * 2);
          paragraph[paragraphParts++] = ls;
          paragraph[paragraphParts++] = le;
        }
      } else if (isThematicBreak(view.of(ts, le))) {
        inTable = false;
        itemParagraph = false;
        lazyQuote = false;
        // a break less indented than the list's text ends the list
        if (indent < listContent) inList = false;
      } else if (inList) {
        // text in the list: a paragraph, unless it is a heading inside the item
        itemParagraph = !(first == '#' && atxMarker(b, ts, le));
      } else if (!inList && !lazyQuote && indent < 4 && first != '>' && first != '<') {
        paragraph[0] = ts;
        paragraph[1] = le;
        paragraphParts = 2;
        paragraphLine = lineNo;
      }
      previousBlank = false;
      previousLine = true;
      previousPipe = pipe;
    }
    return out.build();
  }

  /** Whether the text after a list marker starts a paragraph (not nothing, a break, a heading or code). */
  private static boolean opensParagraph(byte[] b, int marker, int le, ByteChars view) {
    int i = marker;
    while (i < le && (b[i] == ' ' || b[i] == '\t')) i++;
    if (i == le || i - marker > 4) return false;
    if (b[i] == '#' && atxMarker(b, i, le)) return false;
    return !isThematicBreak(view.of(i, le));
  }

  /** Whether the line from {@code ts} starts with an ATX heading's marker: one to six '#', then a space or the end. */
  private static boolean atxMarker(byte[] b, int ts, int le) {
    int level = 0;
    while (ts + level < le && b[ts + level] == '#') level++;
    return level >= 1 && level <= 6 && (ts + level == le || b[ts + level] == ' ' || b[ts + level] == '\t');
  }

  /**
   * The column where a list item's content starts: after its marker and the one to four spaces
   * that follow it (one, when more follow: the content is then indented code; one, when nothing
   * follows). A tab counts to the next multiple of four, as CommonMark counts it.
   */
  private static int itemContent(byte[] b, int ts, int le, int marker, int indent) {
    int column = indent + (marker - ts);
    int after = column;
    int i = marker;
    while (i < le && (b[i] == ' ' || b[i] == '\t')) {
      after = b[i] == '\t' ? after + 4 - (after % 4) : after + 1;
      i++;
    }
    int spaces = after - column;
    return i == le || spaces > 4 ? column + 1 : after;
  }

  /** Whether a list item can interrupt a paragraph: it has text, and is a bullet or numbered from 1. */
  private static boolean interruptsParagraph(byte[] b, int ts, int le, int marker) {
    int i = marker;
    while (i < le && (b[i] == ' ' || b[i] == '\t')) i++;
    if (i == le) return false;
    byte first = b[ts];
    if (first == '-' || first == '*' || first == '+') return true;
    // numbered: from 1 ("1.", "01)")
    int k = ts;
    while (k < marker - 2 && b[k] == '0') k++;
    return k == marker - 2 && b[k] == '1';
  }

  /** Where a list item's marker ({@code -}, {@code *}, {@code +}, or 1 to 9 digits and {@code .} or {@code )}) ends, or -1. */
  private static int itemMarkerEnd(byte[] b, int from, int to) {
    byte c = b[from];
    if (c == '-' || c == '*' || c == '+') return from + 1;
    int i = from;
    while (i < to && i - from < 10 && b[i] >= '0' && b[i] <= '9') i++;
    int digits = i - from;
    return digits >= 1 && digits <= 9 && i < to && (b[i] == '.' || b[i] == ')') ? i + 1 : -1;
  }

  private static String utf8(byte[] b, int from, int to) {
    return new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Whether {@code b[at, end)} starts with the ASCII {@code prefix}. */
  static boolean startsWith(byte[] b, int at, int end, String prefix) {
    if (end - at < prefix.length()) return false;
    for (int i = 0; i < prefix.length(); i++) if (b[at + i] != prefix.charAt(i)) return false;
    return true;
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) if (b[i] == c) return i;
    return -1;
  }

  /** {@code line.toLowerCase(ROOT).contains(marker)} for an ASCII marker: no other char lower-cases into one that could complete it. */
  private static boolean containsLowerCase(byte[] b, int from, int to, String marker) {
    int m = marker.length();
    for (int i = from; i + m <= to; i++) {
      int k = 0;
      while (k < m) {
        int c = b[i + k];
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        if (c != marker.charAt(k)) break;
        k++;
      }
      if (k == m) return true;
    }
    return false;
  }

  /** Whether a line (its bytes without the indent) closes a code fence: only the fence's char, at least as many. */
  private static boolean closesFence(byte[] b, int from, int to, byte c, int length) {
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) to--;
    if (to - from < length) return false;
    for (int i = from; i < to; i++) if (b[i] != c) return false;
    return true;
  }

  /**
   * A line's bytes as chars for the block patterns: ASCII as itself, every other byte as one
   * char outside ASCII that no pattern names (and that is no line terminator), so the patterns
   * match as they do on the decoded line.
   */
  private static final class ByteChars implements CharSequence {
    private final byte[] b;
    private int from;
    private int to;

    ByteChars(byte[] b) {
      this.b = b;
    }

    ByteChars of(int from, int to) {
      this.from = from;
      this.to = to;
      return this;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int i) {
      byte c = b[from + i];
      return c >= 0 ? (char) c : '\u00FF';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new ByteChars(b).of(from + start, from + end);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(length());
      for (int i = 0; i < length(); i++) sb.append(charAt(i));
      return sb.toString();
    }
  }

  private static final Pattern HTML_RAW = Pattern.compile("^<(script|pre|style|textarea)(?:[\\s>]|$)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HTML_TAG = Pattern.compile("^</?([A-Za-z][A-Za-z0-9-]*)(?:[\\s/>]|$)");

  /**
   * The end marker of the HTML block a line opens ("" for "ends at a blank line"), or
   * {@code null} when the line opens none. Simplified from CommonMark's seven kinds.
   */
  private static String htmlBlockEnd(String t, boolean inParagraph) {
    Matcher raw = HTML_RAW.matcher(t);
    if (raw.find()) return "</" + raw.group(1).toLowerCase(java.util.Locale.ROOT) + ">";
    if (t.startsWith("<!--")) return "-->";
    if (t.startsWith("<?")) return "?>";
    if (t.startsWith("<![CDATA[")) return "]]>";
    if (t.startsWith("<!") && t.length() > 2 && Character.isLetter(t.charAt(2))) return ">";
    Matcher tag = HTML_TAG.matcher(t);
    if (!tag.find()) return null;
    if (BLOCK_TAGS.contains(tag.group(1).toLowerCase(java.util.Locale.ROOT))) return "";
    // another tag opens a block only alone on its line, and never inside a paragraph
    return !inParagraph && LONE_TAG.matcher(t).matches() ? "" : null;
  }

  private static final Pattern LONE_TAG = Pattern.compile("^</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>\\s*$");
  private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of(
      "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
      "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
      "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe",
      "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param",
      "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");

  private static final Pattern TABLE_DELIMITER =
      Pattern.compile("^\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");

  /** "---", "* * *", "___" and the like (a line's text, or its bytes as {@link ByteChars}). */
  private static boolean isThematicBreak(CharSequence t) {
    // three or more of one of - * _, spaces and tabs between; asked of most lines, so no copies
    char mark = 0;
    int n = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\t') continue;
      if (mark == 0) {
        if (c != '-' && c != '*' && c != '_') return false;
        mark = c;
      } else if (c != mark) {
        return false;
      }
      n++;
    }
    return n >= 3;
  }

  /** The plain text of a node's inline content (emphasis markers dropped). */
  public static String plainText(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        sb.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        sb.append(code.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak b) {
        sb.append(' ');
      }

      @Override
      public void visit(HardLineBreak b) {
        sb.append(' ');
      }
    });
    return clinicreader.content.Text.cleanLine(sb.toString()).strip();
  }

  /**
   * Unique anchors for heading texts, exactly as commonmark's {@code IdGenerator} (default
   * builder) makes them: the text lower-cased, spaces as '-', only word characters (Unicode
   * letters, marks, decimal digits, connector punctuation, joiners) and '-' kept, "id" when
   * nothing is left, and "-1", "-2"... after a repeat. Char tests instead of its regex matcher
   * per heading, which was most of the outline's time on long articles (a test holds the two
   * together).
   */
  static final class Anchors {
    private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

    String generateId(String text) {
      String id = text == null ? "id" : normalize(text);
      if (id.isEmpty()) id = "id";
      Integer count = seen.get(id);
      if (count == null) {
        seen.put(id, 1);
        return id;
      }
      seen.put(id, count + 1);
      return id + "-" + count;
    }

    private static String normalize(String text) {
      int n = text.length();
      // plain ASCII without a capital I (which some locales lower-case outside ASCII): the
      // lower-casing and the filter in one pass over the chars
      byte[] out = new byte[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
          out[k++] = (byte) c;
        } else if (c >= 'A' && c <= 'Z' && c != 'I') {
          out[k++] = (byte) (c + ('a' - 'A'));
        } else if (c == ' ') {
          out[k++] = '-';
        } else if (c >= 0x80 || c == 'I') {
          return normalizeAny(text);
        }
      }
      return new String(out, 0, k, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String normalizeAny(String text) {
      // the same default-locale lower-casing as the generator
      String lower = text.toLowerCase();
      int n = lower.length();
      StringBuilder sb = new StringBuilder(n);
      for (int i = 0; i < n; ) {
        int cp = lower.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == ' ') sb.append('-');
        else if (isWord(cp)) sb.appendCodePoint(cp);
      }
      return sb.toString();
    }

    /** {@code [\w\-_]} with Unicode character classes. */
    private static boolean isWord(int cp) {
      if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == '-';
      }
      if (Character.isAlphabetic(cp) || cp == 0x200C || cp == 0x200D) return true;
      int type = Character.getType(cp);
      return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
          || type == Character.CONNECTOR_PUNCTUATION;
    }
  }

  // the usual section numbers made once: a large library's outlines hold them by the thousand
  private static final int NUMBERS = 64;
  private static final int SUB_NUMBERS = 16;
  private static final String[] TOP = new String[NUMBERS + 1];
  private static final String[][] SUB = new String[NUMBERS][SUB_NUMBERS];

  static {
    for (int t = 1; t <= NUMBERS; t++) {
      TOP[t] = Integer.toString(t);
      for (int u = 1; u <= SUB_NUMBERS; u++) SUB[t - 1][u - 1] = t + "." + u;
    }
  }

  private static String number(int top) {
    return top <= NUMBERS ? TOP[top] : Integer.toString(top);
  }

  /** Numbers sections in order and generates unique anchors. */
  private static final class Builder {
    private final List<Section> out = new ArrayList<>();
    private final Anchors ids = new Anchors();
    private int top;
    private int sub;

    void add(int headingLevel, String text, int line) {
      String anchor = ids.generateId(text);
      boolean section = headingLevel <= 2 || top == 0;
      String number = section ? number(top + 1) : top <= NUMBERS && sub + 1 <= SUB_NUMBERS
          ? SUB[top - 1][sub] : top + "." + (sub + 1);
      String title = text;
      int end = ownNumberEnd(text);
      if (end >= 0) {
        // the number written, and the char after it ('.', ')' or a space)
        String written = text.substring(0, end);
        char after = text.charAt(end);
        if (written.equals(number) || written.indexOf('.') >= 0 || (after != ' ' && after != '\t')) {
          title = text.substring(titleStart(text, end));
        }
      }
      if (section) {
        top++;
        sub = 0;
        out.add(new Section(number, 1, title, anchor, line));
      } else {
        sub++;
        out.add(new Section(number, 2, title, anchor, line));
      }
    }

    /*
     * A heading's leading number is its section number written by the author when it is the
     * number it gets anyway, or written like a section number ("4.", "4)", "2.1"). A year or a
     * count ("2024 in review", "10 tips") stays part of the title.
     */

    Outline build() {
      return new Outline(out);
    }
  }

  /** The index of the section with this anchor, or -1. */
  public int indexOfAnchor(String anchor) {
    for (int i = 0; i < sections.size(); i++) if (sections.get(i).anchor().equals(anchor)) return i;
    return -1;
  }

  /** The index of the section numbered {@code number} ("3", "2.1"), or -1. */
  public int indexOfNumber(String number) {
    for (int i = 0; i < sections.size(); i++) if (sections.get(i).number().equals(number)) return i;
    return -1;
  }

  /** Number of top-level sections. */
  public int topLevelCount() {
    return (int) sections.stream().filter(s -> s.level() == 1).count();
  }
}
