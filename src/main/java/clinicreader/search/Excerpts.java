package clinicreader.search;

import clinicreader.content.ArticleFiles;
import clinicreader.content.ContentException;
import clinicreader.content.FrontMatterParser;
import clinicreader.content.Markdown;
import clinicreader.content.Outline;
import clinicreader.content.SourceText;
import clinicreader.content.Text;
import clinicreader.layout.Cells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Finds where in an article a query matches best and cuts the snippet around it. Only the
 * articles shown are parsed (commonmark's node tree, numbered with {@link Outline}); their text
 * blocks are kept in a small cache so that typing one more letter does not parse them again.
 */
final class Excerpts {
  private static final int CACHE = 128;

  private final long maxBytes;
  private final Map<String, Source> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Source> e) {
      return size() > CACHE;
    }
  };

  /** Sources kept between searches (the word store), or null. */
  private final Store stored;

  /** Where sources are kept between searches. */
  interface Store {
    /** The source of an article when known without reading its file, else null. */
    Source source(Doc doc);

    /** A source just parsed from a file of {@code fileBytes} bytes, to keep. */
    void parsed(Doc doc, Source source, long fileBytes);
  }

  Excerpts(long maxBytes) {
    this(maxBytes, null);
  }

  /** With {@code stored} answering an article's source when it is known without reading the file (else null). */
  Excerpts(long maxBytes, Store stored) {
    this.maxBytes = maxBytes;
    this.stored = stored;
  }

  /** An article's text blocks in reading order and its outline. */
  record Source(List<Block> blocks, Outline outline) {}

  /** A paragraph, heading, table row or code block: its one-line text and its section. */
  record Block(int section, String text) {}

  /** The best match of a query in an article: its location and snippet text with ranges. */
  record Best(Location location, String text, List<Snippet.Range> ranges) {}

  Best best(Doc doc, Query query) {
    Source src = source(doc);
    Block bestBlock = null;
    List<Snippet.Range> bestRanges = List.of();
    int bestWords = 0;
    for (Block b : src.blocks()) {
      List<Snippet.Range> ranges = new ArrayList<>();
      int words = matches(b.text(), query, ranges);
      if (words > bestWords) {
        bestWords = words;
        bestBlock = b;
        bestRanges = ranges;
        if (words == query.words().size()) break;
      }
    }
    if (bestBlock != null) {
      Snippet.Range first = bestRanges.get(0);
      String word = wordAt(bestBlock.text(), first.start());
      int s = bestBlock.section();
      Outline.Section sec = s >= 0 && s < src.outline().sections().size() ? src.outline().sections().get(s) : null;
      Location loc = sec == null ? new Location(Field.BODY, -1, null, null, null, word)
          : new Location(Field.BODY, s, sec.number(), sec.title(), sec.anchor(), word);
      return new Best(loc, bestBlock.text(), bestRanges);
    }
    // no body block holds a word: show the summary (highlighted where it matches)
    List<Snippet.Range> ranges = new ArrayList<>();
    String text = collapse(doc.summary());
    if (text.isEmpty() && !src.blocks().isEmpty()) text = src.blocks().get(0).text();
    matches(text, query, ranges);
    Field where = matches(doc.title(), query, new ArrayList<>()) > 0 ? Field.TITLE
        : matches(String.join(" ", doc.tags()), query, new ArrayList<>()) > 0 ? Field.TAGS : Field.SUMMARY;
    String word = ranges.isEmpty() ? "" : wordAt(text, ranges.get(0).start());
    return new Best(new Location(where, -1, null, null, null, word), text, ranges);
  }

  /**
   * Finds every word of the query at the start of a word of {@code text}; adds the matched
   * ranges (in order) and returns how many different query words were found.
   */
  static int matches(String text, Query query, List<Snippet.Range> out) {
    if (text.isEmpty() || query.isEmpty()) return 0;
    Fold.Folded f = Fold.folded(text);
    boolean[] found = new boolean[query.words().size()];
    Tokenizer.scan(f.text(), (buf, len, start, end) -> {
      int best = -1;
      for (int i = 0; i < found.length; i++) {
        String w = query.words().get(i);
        if (Tokenizer.startsWith(buf, len, w) && (best < 0 || w.length() > query.words().get(best).length())) best = i;
      }
      if (best >= 0) {
        found[best] = true;
        int wl = query.words().get(best).length();
        // the folded word may be shorter than its folded span when marks were in it
        int fEnd = foldedEnd(f.text(), start, end, wl);
        out.add(new Snippet.Range(f.originalStart(start), f.originalEnd(fEnd, text)));
      }
    });
    int n = 0;
    for (boolean b : found) if (b) n++;
    return n;
  }

  /** The folded index after the first {@code chars} word characters from {@code start}. */
  private static int foldedEnd(String folded, int start, int end, int chars) {
    int i = start;
    int seen = 0;
    while (i < end && seen < chars) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      seen += Character.charCount(cp);
    }
    return i;
  }

  private static String wordAt(String text, int start) {
    int e = start;
    while (e < text.length()) {
      int cp = text.codePointAt(e);
      if (!Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) break;
      e += Character.charCount(cp);
    }
    return text.substring(start, Math.max(start, e));
  }

  Source source(Doc doc) {
    synchronized (cache) {
      Source s = cache.get(doc.slug());
      if (s != null) return s;
    }
    Source s = stored == null ? null : stored.source(doc);
    if (s == null) s = read(doc);
    synchronized (cache) {
      cache.put(doc.slug(), s);
    }
    return s;
  }

  private Source read(Doc doc) {
    String body;
    int bodyLine;
    int length;
    boolean whole = true;
    try {
      byte[] bytes = ArticleFiles.read(doc.path(), maxBytes);
      length = bytes.length;
      String text = SourceText.decode(bytes).text();
      try {
        FrontMatterParser.Split split = FrontMatterParser.split(doc.path(), text);
        body = split.body();
        bodyLine = split.bodyLine();
      } catch (ContentException e) {
        body = text;
        bodyLine = 1;
        whole = false;
      }
    } catch (ContentException e) {
      // the file went away or changed since the index was built: no body to show
      return new Source(List.of(), new Outline(List.of()));
    }
    Source src = parse(body, bodyLine);
    if (stored != null && whole) stored.parsed(doc, src, length);
    return src;
  }

  /** The source of a body whose first line is line {@code bodyLine} of its file. */
  static Source parse(String body, int bodyLine) {
    Node document = Markdown.parse(body);
    Outline outline = Outline.of(document, bodyLine);
    List<Block> blocks = new ArrayList<>();
    int[] section = {-1};
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading h) {
        if (Outline.inOutline(h.getLevel())) section[0]++;
        add(Outline.plainText(h));
      }

      @Override
      public void visit(Paragraph p) {
        add(Outline.plainText(p));
      }

      @Override
      public void visit(FencedCodeBlock c) {
        add(c.getLiteral());
      }

      @Override
      public void visit(IndentedCodeBlock c) {
        add(c.getLiteral());
      }

      @Override
      public void visit(HtmlBlock h) {
        // not shown as text
      }

      @Override
      public void visit(CustomNode n) {
        if (n instanceof TableRow) {
          StringBuilder sb = new StringBuilder();
          for (Node cell = n.getFirstChild(); cell != null; cell = cell.getNext()) {
            String t = Outline.plainText(cell);
            if (t.isEmpty()) continue;
            if (sb.length() > 0) sb.append(" | ");
            sb.append(t);
          }
          add(sb.toString());
        } else {
          visitChildren(n);
        }
      }

      @Override
      public void visit(Code c) {
        // inline code is part of its paragraph's text
      }

      private void add(String text) {
        String t = collapse(text);
        if (!t.isEmpty()) blocks.add(new Block(section[0], t));
      }
    });
    return new Source(List.copyOf(blocks), outline);
  }

  /**
   * A source as bytes for the word store: the outline's sections, then the blocks, compressed
   * (an article's text is most of its file; compressed, the store stays a third of the library).
   */
  static byte[] encode(Source src) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096);
    try {
      java.io.DataOutputStream out = new java.io.DataOutputStream(
          new java.util.zip.DeflaterOutputStream(bytes, new java.util.zip.Deflater(1), 4096));
      List<Outline.Section> secs = src.outline().sections();
      out.writeInt(secs.size());
      for (Outline.Section sec : secs) {
        str(out, sec.number());
        out.writeInt(sec.level());
        str(out, sec.title());
        str(out, sec.anchor());
        out.writeInt(sec.sourceLine());
      }
      out.writeInt(src.blocks().size());
      for (Block b : src.blocks()) {
        out.writeInt(b.section());
        str(out, b.text());
      }
      out.close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@link #encode}, or null when it fails (then the source is not stored). */
  static byte[] encodeOrNull(Source src) {
    try {
      return encode(src);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** What {@link #encode} wrote, or null when the bytes do not read back whole (a damaged store). */
  static Source decode(byte[] data) {
    java.util.zip.Inflater inf = new java.util.zip.Inflater();
    try {
      java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
          new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(data), inf, 4096), 8192));
      int ns = in.readInt();
      if (ns < 0 || ns > data.length * 1032) return null;
      List<Outline.Section> secs = new ArrayList<>(ns);
      for (int i = 0; i < ns; i++) {
        secs.add(new Outline.Section(readStr(in), in.readInt(), readStr(in), readStr(in), in.readInt()));
      }
      int nb = in.readInt();
      if (nb < 0 || nb > data.length * 1032) return null;
      List<Block> blocks = new ArrayList<>(nb);
      for (int i = 0; i < nb; i++) blocks.add(new Block(in.readInt(), readStr(in)));
      // the zlib trailer's checksum is checked only once the end is read
      if (in.read() >= 0 || !inf.finished()) return null;
      return new Source(List.copyOf(blocks), new Outline(secs));
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    } finally {
      inf.end();
    }
  }

  private static void str(java.io.DataOutputStream out, String s) throws java.io.IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          // a lone surrogate (an entity such as &#xD800; gives one) would not survive UTF-8: as chars
          out.writeInt(-2 - n);
          out.writeChars(s);
          return;
        }
      }
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readStr(java.io.DataInputStream in) throws java.io.IOException {
    int n = in.readInt();
    if (n == -1) return null;
    if (n < -1) {
      int chars = -2 - n;
      if (chars > (1 << 27)) throw new java.io.IOException("damaged");
      char[] c = new char[chars];
      for (int i = 0; i < chars; i++) c[i] = in.readChar();
      return new String(c);
    }
    if (n < 0 || n > (1 << 28)) throw new java.io.IOException("damaged");
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** One line: safe characters, runs of white space as one space, trimmed. */
  static String collapse(String s) {
    if (s == null) return "";
    String t = Text.cleanLine(s);
    StringBuilder sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) sb.append(' ');
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Cuts {@code text} to at most {@code width} display columns around its first range: a
   * little context before it, whole words where possible, "…" where text was left out.
   */
  static Snippet cut(String text, List<Snippet.Range> ranges, int width) {
    int w = Math.max(8, width);
    int n = text.length();
    int[] col = PageMatches.columns(text);
    if (col[n] <= w) return new Snippet(text, ranges);
    int ellipsis = Cells.width(Snippet.ELLIPSIS);
    int anchor = ranges.isEmpty() ? 0 : ranges.get(0).start();
    // start at a word boundary leaving about a quarter of the line as context before the match
    int start = anchor;
    while (start > 0 && text.charAt(start - 1) != ' ') start--;
    int lead = w / 4;
    for (int s = start - 1; s > 0; s--) {
      if (text.charAt(s - 1) == ' ' && text.charAt(s) != ' ') {
        if (col[anchor] - col[s] + ellipsis > lead) break;
        start = s;
      }
    }
    if (col[anchor] <= lead) start = 0;
    if (start > 0 && col[anchor] - col[start] + ellipsis > w / 2) start = clusterStartNear(text, col, anchor, w / 4);
    String prefix = start > 0 ? Snippet.ELLIPSIS : "";
    int avail = w - (start > 0 ? ellipsis : 0);
    int end;
    String suffix = "";
    if (col[n] - col[start] <= avail) {
      end = n;
    } else {
      suffix = Snippet.ELLIPSIS;
      int limit = avail - ellipsis;
      end = start;
      for (int i = start + 1; i <= n; i++) {
        if (col[i] - col[start] > limit) break;
        if (i == n || text.charAt(i) == ' ') end = i;
      }
      if (end <= start || col[end] - col[start] < limit / 2) {
        // one very long word: cut it at a character boundary instead
        end = start;
        for (int i = start; i < n; ) {
          int e = Cells.clusterEnd(text, i);
          if (col[e] - col[start] > limit) break;
          end = e;
          i = e;
        }
      }
      while (end > start && text.charAt(end - 1) == ' ') end--;
    }
    String body = text.substring(start, end);
    List<Snippet.Range> out = new ArrayList<>();
    for (Snippet.Range r : ranges) {
      int s = Math.max(r.start(), start);
      int e = Math.min(r.end(), end);
      if (s < e) out.add(new Snippet.Range(s - start + prefix.length(), e - start + prefix.length()));
    }
    return new Snippet(prefix + body + suffix, out);
  }

  /** A cluster boundary about {@code lead} columns before {@code anchor}. */
  private static int clusterStartNear(String text, int[] col, int anchor, int lead) {
    int best = anchor;
    for (int i = 0; i < anchor; ) {
      int e = Cells.clusterEnd(text, i);
      if (col[anchor] - col[i] <= lead) {
        best = i;
        break;
      }
      i = e;
    }
    return best;
  }
}
