package clinicreader.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
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

  private static final Pattern OWN_NUMBER = Pattern.compile("^(\\d+(?:\\.\\d+)*)[.)]?\\s+(\\S.*)$");

  public Outline {
    sections = List.copyOf(sections);
  }

  /** Whether a heading of this Markdown level belongs in the outline. */
  public static boolean inOutline(int headingLevel) {
    return headingLevel <= 3;
  }

  /** The outline of a parsed document; {@code lineOffset} is the body's first line in the file. */
  public static Outline of(Node document, int lineOffset) {
    Builder b = new Builder();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        if (inOutline(heading.getLevel())) {
          int line = heading.getSourceSpans().isEmpty() ? 0
              : heading.getSourceSpans().get(0).getLineIndex() + lineOffset;
          b.add(heading.getLevel(), plainText(heading), line);
        }
      }
    });
    return b.build();
  }

  /**
   * The outline found by scanning heading lines only, without parsing the body: used by the
   * library listing. Agrees with {@link #of} for ATX headings outside code blocks.
   */
  public static Outline scan(String body, int lineOffset) {
    Builder b = new Builder();
    String fence = null;
    int lineNo = 0;
    int pos = 0;
    int n = body.length();
    while (pos < n) {
      int end = body.indexOf('\n', pos);
      if (end < 0) end = n;
      String line = body.substring(pos, end);
      pos = end + 1;
      String t = line.stripLeading();
      int indent = line.length() - t.length();
      if (fence != null) {
        if (indent < 4 && t.startsWith(fence) && t.substring(fence.length()).isBlank()) fence = null;
      } else if (indent < 4 && (t.startsWith("```") || t.startsWith("~~~"))) {
        char c = t.charAt(0);
        int k = 0;
        while (k < t.length() && t.charAt(k) == c) k++;
        fence = t.substring(0, k);
      } else if (indent < 4 && t.startsWith("#")) {
        int level = 0;
        while (level < t.length() && t.charAt(level) == '#') level++;
        if (level <= 6 && (level == t.length() || t.charAt(level) == ' ' || t.charAt(level) == '\t')
            && inOutline(level)) {
          Node doc = Markdown.parse(t);
          if (doc.getFirstChild() instanceof Heading h) {
            b.add(level, plainText(h), lineNo + lineOffset);
          }
        }
      }
      lineNo++;
    }
    return b.build();
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

  /** Numbers sections in order and generates unique anchors. */
  private static final class Builder {
    private final List<Section> out = new ArrayList<>();
    private final IdGenerator ids = IdGenerator.builder().build();
    private int top;
    private int sub;

    void add(int headingLevel, String text, int line) {
      String anchor = ids.generateId(text);
      Matcher m = OWN_NUMBER.matcher(text);
      String title = m.matches() ? m.group(2) : text;
      if (headingLevel <= 2 || top == 0) {
        top++;
        sub = 0;
        out.add(new Section(Integer.toString(top), 1, title, anchor, line));
      } else {
        sub++;
        out.add(new Section(top + "." + sub, 2, title, anchor, line));
      }
    }

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
