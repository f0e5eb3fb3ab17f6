package clinicreader.layout;

import clinicreader.content.Outline;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Lays out commonmark blocks and inlines onto a {@link LayoutWriter}: the renderer half of the
 * engine (like commonmark's own TextContentRenderer, but width-aware and styled).
 */
final class BlockLayout {
  private final LayoutWriter out;
  private final Outline outline;
  private final int[] sectionLines;
  private final List<Page.Link> links;
  /** Links numbered before this layout's first one (a part laid out beside the rest). */
  private final int linkBase;
  private final java.util.Map<Node, Integer> headingIndex;

  BlockLayout(LayoutWriter out, Node document, Outline outline, List<Page.Link> links) {
    this.out = out;
    this.outline = outline;
    this.sectionLines = new int[outline.sections().size()];
    this.links = links;
    this.linkBase = 0;
    this.headingIndex = new java.util.IdentityHashMap<>();
    // sections are headings whose parent is the document: its children are enough
    int k = 0;
    if (document instanceof org.commonmark.node.Document) {
      for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Heading h && Outline.isSection(h) && k < sectionLines.length) headingIndex.put(h, k++);
      }
    }
  }

  private BlockLayout(BlockLayout parent, LayoutWriter out, List<Page.Link> links, int linkBase) {
    this.out = out;
    this.outline = parent.outline;
    this.sectionLines = new int[parent.sectionLines.length];
    this.links = links;
    this.linkBase = linkBase;
    // its own: a part of the body may take the sections of its own document (see sections)
    this.headingIndex = new java.util.IdentityHashMap<>(parent.headingIndex);
  }

  /**
   * Takes the sections of a part of the body instead of those known so far: the top-level
   * section headings of {@code part}, numbered in the outline from {@code first} (as far as the
   * outline goes, as for a whole document). Returns how many it numbered.
   */
  int sections(Node part, int first) {
    headingIndex.clear();
    int k = first;
    for (Node n = part.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && Outline.isSection(h) && k < sectionLines.length) headingIndex.put(h, k++);
    }
    return k - first;
  }

  /**
   * The same layout onto another writer, for a later part of the document laid out at the same
   * time as the part before it: its links are numbered from {@code linkBase + 1} into
   * {@code links}. Its section lines are not kept.
   */
  BlockLayout part(LayoutWriter out, List<Page.Link> links, int linkBase) {
    return new BlockLayout(this, out, links, linkBase);
  }

  /** Takes the links of a {@link #part} laid out after everything laid out here so far. */
  void append(BlockLayout part) {
    links.addAll(part.links);
  }

  /** The links numbered so far. */
  int linkCount() {
    return linkBase + links.size();
  }

  /**
   * How many links laying out top-level block {@code n} numbers: every link and image in the
   * inline content {@link #block} lays out (paragraphs, headings that are not sections, table
   * cells, and the blocks inside quotes, lists and unknown blocks).
   */
  int linksIn(Node n) {
    if (n instanceof Paragraph) return inlineLinks(n);
    if (n instanceof Heading h) return headingIndex.containsKey(h) ? 0 : inlineLinks(h);
    if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof ThematicBreak
        || n instanceof HtmlBlock || n instanceof LinkReferenceDefinition) {
      return 0;
    }
    if (n instanceof TableBlock t) {
      int c = 0;
      for (TableRow r : rows(t)) for (TableCell cell : cells(r)) c += inlineLinks(cell);
      return c;
    }
    int c = 0;
    for (Node x = n.getFirstChild(); x != null; x = x.getNext()) c += linksIn(x);
    return c;
  }

  private static int inlineLinks(Node parent) {
    int c = 0;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Link) c += 1 + inlineLinks(n);
      else if (n instanceof Image) c++;
      else if (!(n instanceof Text || n instanceof Code || n instanceof SoftLineBreak
          || n instanceof HardLineBreak || n instanceof HtmlInline)) {
        c += inlineLinks(n);
      }
    }
    return c;
  }

  /** The line of each outline section, in outline order. */
  List<Integer> sectionLines() {
    List<Integer> l = new ArrayList<>(sectionLines.length);
    for (int v : sectionLines) l.add(v);
    return l;
  }

  /** Lays out the children of {@code parent} that {@code take} accepts. */
  void children(Node parent, Predicate<Node> take) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (take.test(n)) block(n, false);
    }
  }

  void block(Node n, boolean tight) {
    if (n instanceof Paragraph p) {
      if (!tight) out.blank();
      out.nextBlock();
      paragraph(inlines(p, Style.PLAIN));
    } else if (n instanceof Heading h) {
      heading(h);
    } else if (n instanceof BlockQuote q) {
      out.blank();
      Span bar = new Span("\u2502 ", Style.of(Tone.QUOTE));
      out.push(bar, bar, bar);
      for (Node c = q.getFirstChild(); c != null; c = c.getNext()) block(c, false);
      out.pop();
    } else if (n instanceof ListBlock list) {
      list(list);
    } else if (n instanceof FencedCodeBlock f) {
      code(f.getLiteral());
    } else if (n instanceof IndentedCodeBlock c) {
      code(c.getLiteral());
    } else if (n instanceof ThematicBreak) {
      out.blank();
      out.nextBlock();
      out.line(List.of(new Span("\u2500".repeat(Math.min(out.available(), 40)), Style.of(Tone.RULE))));
    } else if (n instanceof HtmlBlock html) {
      out.blank();
      out.nextBlock();
      for (String l : html.getLiteral().split("\n", -1)) {
        if (l.isBlank()) continue;
        // keep the source's indentation (capped), so nested tags still read as nested
        String t = l.replace("\t", "    ");
        int indent = Math.min(t.length() - t.stripLeading().length(), out.available() / 4);
        Span pad = new Span(" ".repeat(indent), Style.PLAIN);
        out.push(pad, pad, new Span("", Style.PLAIN));
        paragraph(List.of(Wrapper.Run.of(t.strip(), Style.of(Tone.MUTED))));
        out.pop();
      }
    } else if (n instanceof TableBlock t) {
      new TableLayout(out, this).table(t);
    } else if (n instanceof LinkReferenceDefinition) {
      // definitions print nothing themselves
    } else {
      // unknown custom blocks: lay out their children
      children(n, x -> true);
    }
  }

  /** Writes wrapped inline runs as one or more lines. */
  void paragraph(List<Wrapper.Run> runs) {
    for (List<Span> l : Wrapper.wrap(runs, out.available())) out.line(l);
  }

  private void heading(Heading h) {
    out.blank();
    out.nextBlock();
    int level = h.getLevel();
    Style style;
    List<Wrapper.Run> runs = new ArrayList<>();
    Integer index = headingIndex.get(h);
    if (index != null) {
      Outline.Section s = outline.sections().get(index);
      sectionLines[index] = out.nextLine();
      style = new Style(s.level() == 1 ? Tone.HEADING : Tone.SUBHEADING, Style.BOLD);
      runs.add(Wrapper.Run.of(s.number() + (s.level() == 1 ? ".\u00a0" : "\u00a0"), style));
      runs.add(Wrapper.Run.of(s.title(), style));
    } else {
      style = new Style(Tone.SUBHEADING, Style.BOLD);
      runs.addAll(inlines(h, style));
    }
    paragraph(runs);
    out.blank();
  }

  private void list(ListBlock list) {
    // a list nested in a tight list stays tight: no blank lines around it
    boolean inTight = list.getParent() instanceof ListItem item
        && item.getParent() instanceof ListBlock outer && outer.isTight();
    if (!inTight) out.blank();
    int number = list instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
    int count = 0;
    for (Node c = list.getFirstChild(); c != null; c = c.getNext()) count++;
    int numWidth = Integer.toString(number + Math.max(0, count - 1)).length();
    boolean tight = list.isTight();
    int depth = 0;
    for (Node p = list.getParent(); p != null; p = p.getParent()) if (p instanceof ListBlock) depth++;
    String bullet = switch (depth % 3) {
      case 0 -> "\u2022 ";
      case 1 -> "\u25e6 ";
      default -> "\u25aa ";
    };
    boolean firstItem = true;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String marker = list instanceof OrderedList
          ? numberMarker(number++, numWidth)
          : bullet;
      Span first = new Span(marker, Style.of(Tone.MUTED));
      Span rest = new Span(" ".repeat(Cells.width(marker)), Style.PLAIN);
      if (!firstItem && !tight) out.blank();
      out.push(first, rest, new Span("", Style.PLAIN));
      if (item instanceof ListItem && item.getFirstChild() == null) {
        out.nextBlock();
        out.line(List.of());
      }
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) block(c, tight);
      out.pop();
      firstItem = false;
    }
    if (!inTight) out.blank();
  }

  private void code(String literal) {
    out.blank();
    out.nextBlock();
    String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    Style style = Style.of(Tone.CODE);
    for (String raw : text.split("\n", -1)) {
      String l = clinicreader.content.Text.cleanLine(raw.replace("\t", "    "));
      int avail = out.available() - 2;
      List<Span> spans = new ArrayList<>();
      spans.add(new Span("  ", style));
      if (Cells.width(l) <= avail) {
        spans.add(new Span(l, style));
      } else {
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (String cl : Cells.clusters(l)) {
          int cw = Cells.clusterWidth(cl);
          if (w + cw > avail - 1) break;
          sb.append(cl);
          w += cw;
        }
        spans.add(new Span(sb.toString(), style));
        spans.add(new Span("\u2026", Style.of(Tone.MUTED)));
      }
      out.line(spans);
    }
    out.blank();
  }

  /** The inline content of {@code parent} as styled runs, links numbered. */
  List<Wrapper.Run> inlines(Node parent, Style base) {
    List<Wrapper.Run> runs = new ArrayList<>();
    inline(parent, base, runs);
    return runs;
  }

  private void inline(Node parent, Style style, List<Wrapper.Run> runs) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        runs.add(Wrapper.Run.of(t.getLiteral(), style));
      } else if (n instanceof Code c) {
        runs.add(Wrapper.Run.of(c.getLiteral(), style.tone(Tone.CODE)));
      } else if (n instanceof Emphasis) {
        inline(n, style.with(Style.ITALIC), runs);
      } else if (n instanceof StrongEmphasis) {
        inline(n, style.with(Style.BOLD), runs);
      } else if (n instanceof Strikethrough) {
        inline(n, style.with(Style.STRIKE), runs);
      } else if (n instanceof SoftLineBreak) {
        runs.add(Wrapper.Run.of(" ", style));
      } else if (n instanceof HardLineBreak) {
        runs.add(Wrapper.Run.lineBreak());
      } else if (n instanceof HtmlInline h) {
        runs.add(Wrapper.Run.of(h.getLiteral(), style.tone(Tone.MUTED)));
      } else if (n instanceof Link l) {
        inline(n, style.tone(Tone.LINK), runs);
        int number = linkBase + links.size() + 1;
        links.add(new Page.Link(number, clinicreader.content.Text.cleanLine(l.getDestination()),
            Outline.plainText(l), out.lineCount()));
        runs.add(Wrapper.Run.of(marker(number), style.tone(Tone.LINK_MARKER)));
      } else if (n instanceof Image img) {
        String alt = Outline.plainText(img);
        int number = linkBase + links.size() + 1;
        links.add(new Page.Link(number, clinicreader.content.Text.cleanLine(img.getDestination()),
            alt, out.lineCount()));
        runs.add(Wrapper.Run.of("[image: " + (alt.isBlank() ? "no description" : alt) + "]", style.tone(Tone.MUTED)));
        runs.add(Wrapper.Run.of(marker(number), style.tone(Tone.LINK_MARKER)));
      } else {
        inline(n, style, runs);
      }
    }
  }

  /**
   * {@code String.format("%" + width + "d. ", number)}: a Formatter made for every list item was
   * a tenth of a long article's layout. Digits other than ASCII (a locale of its own) still go
   * through the formatter.
   */
  static String numberMarker(int number, int width) {
    if (number < 0 || Digits.ZERO != '0') return String.format("%" + width + "d. ", number);
    String digits = Integer.toString(number);
    return digits.length() >= width ? digits + ". " : " ".repeat(width - digits.length()) + digits + ". ";
  }

  /** The zero digit the formatter uses in the default locale, found once. */
  private static final class Digits {
    static final char ZERO = java.util.Locale.US.equals(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT))
        ? '0'
        : java.text.DecimalFormatSymbols.getInstance(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)).getZeroDigit();
  }

  /**
   * The marker after a link's text: "‹3›". Not "[3]", which articles use for citations.
   */
  static String marker(int number) {
    return "\u2039" + number + "\u203a";
  }

  LayoutWriter writer() {
    return out;
  }

  /** Children of a table section, for TableLayout. */
  static List<TableRow> rows(TableBlock t) {
    List<TableRow> rows = new ArrayList<>();
    for (Node s = t.getFirstChild(); s != null; s = s.getNext()) {
      if (s instanceof TableHead || s instanceof TableBody) {
        for (Node r = s.getFirstChild(); r != null; r = r.getNext()) if (r instanceof TableRow tr) rows.add(tr);
      }
    }
    return rows;
  }

  static List<TableCell> cells(TableRow r) {
    List<TableCell> cells = new ArrayList<>();
    for (Node c = r.getFirstChild(); c != null; c = c.getNext()) if (c instanceof TableCell tc) cells.add(tc);
    return cells;
  }
}
