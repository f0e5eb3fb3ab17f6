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
    return cuttable(body) ? cutAfter(body, body.length() / 2) : -1;
  }

  /**
   * Whether nothing in {@code body} could reach across a blank line and a following heading:
   * no link reference definitions (their labels are document-wide), fenced code or HTML blocks
   * (they run over blank lines and headings).
   */
  static boolean cuttable(String body) {
    if (body.contains("]:")) return false;
    // each mark found by indexOf, then its line's start checked: not every line's start tested char by char
    return !(startsLine(body, "<") || startsLine(body, "```") || startsLine(body, "~~~"));
  }

  /** The first cut point (see {@link #splitPoint}) whose blank line starts at or after {@code from}, or -1. */
  static int cutAfter(String body, int from) {
    int n = body.length();
    for (int at = body.indexOf("\n\n#", from); at >= 0; at = body.indexOf("\n\n#", at + 1)) {
      int h = at + 2;
      int level = 0;
      while (h + level < n && body.charAt(h + level) == '#') level++;
      if (level <= 2 && h + level < n && body.charAt(h + level) == ' ') return h;
    }
    return -1;
  }

  /** Bodies at least this long (chars) are parsed in parts by {@link #parts(String)}. */
  private static final int PARTS_MIN_CHARS = 1 << 18;
  /** About how long (chars) a part is: its tree is then small enough to die young. */
  private static final int PART_CHARS = 1 << 14;

  /**
   * A long body as a run of documents that parse, one after the other, to the blocks of the
   * whole (cut where {@link #splitPoint} may cut, about every {@value #PART_CHARS} chars), parsed
   * on a second thread a few parts ahead of the reader, so a caller that lays out each part and
   * drops it never holds the whole tree. Null for a body shorter than {@value #PARTS_MIN_CHARS}
   * chars. The second thread first finds whether and where the body can be cut, while the caller
   * goes on: ask {@link Parts#cut} before taking parts. Null too on a machine with one
   * processor.
   */
  public static Parts parts(String body) {
    // with one processor the parts' threads only take turns (measured a tenth slower than the
    // whole tree): the whole body is parsed instead
    if (body.length() < PARTS_MIN_CHARS || Runtime.getRuntime().availableProcessors() < 2) return null;
    return new Parts(body, PART_CHARS);
  }

  /**
   * {@link #parts(String)} for a body of any length, cut about every {@code partChars} chars;
   * null when it cannot be cut.
   */
  public static Parts parts(String body, int partChars) {
    Parts parts = new Parts(body, Math.max(1, partChars));
    if (parts.cut()) return parts;
    parts.close();
    return null;
  }

  /**
   * The bounds of the parts: 0, the cut points {@link #cutAfter} finds one after another (each
   * at least {@code every} chars after the one before), and the body's length. Null when
   * {@link #cuttable} says no, or there is no cut.
   */
  static int[] cuts(String body, int every) {
    if (!cuttable(body)) return null;
    int[] out = new int[16];
    int count = 1;
    for (int at = cutAfter(body, every); at > 0; at = cutAfter(body, at + every)) {
      if (count + 1 >= out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
      out[count++] = at;
    }
    if (count < 2) return null;
    out[count++] = body.length();
    return java.util.Arrays.copyOf(out, count);
  }

  /**
   * The documents of a body cut into parts, in order (see {@link #parts(String)}). Every block
   * carries its source position in the whole body, as if the body had been parsed at once; a
   * part's document node is its own. {@link #close} when leaving before the last part, or when
   * the body turns out not to be {@link #cut}.
   */
  public static final class Parts implements java.util.Iterator<Node>, AutoCloseable {
    /** Parts parsed ahead at most: enough to ride over the reader's pauses, few enough to stay young. */
    private static final int AHEAD = 8;
    private final String body;
    private final int every;
    /** The parts' bounds (see {@link #cuts}), once the parser thread has found them. */
    private int[] bounds;
    private boolean bounded;
    /**
     * The parts parsed and not taken yet, a ring guarded by this object's monitor (plain wait and
     * notify: the blocking queues bring in a dozen classes from outside the start-up archive).
     */
    private final Node[] ready = new Node[AHEAD];
    private int first;
    private int held;
    /** Set when the parser thread stopped early (failed, or closed): the reader parses the rest. */
    private boolean stopped;
    private boolean closed;
    private int next;

    private Parts(String body, int every) {
      this.body = body;
      this.every = every;
      Thread parser = new Ahead(this);
      parser.setDaemon(true);
      parser.start();
    }

    /** The thread parsing ahead (a class of its own rather than a lambda: no class is spun for it). */
    private static final class Ahead extends Thread {
      private final Parts parts;

      Ahead(Parts parts) {
        super("parse-parts");
        this.parts = parts;
      }

      @Override
      public void run() {
        parts.parseAll();
      }
    }

    /** Whether the body is cut into parts (two or more); waits until that is known. */
    public synchronized boolean cut() {
      try {
        while (!bounded) wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return bounds != null;
    }

    /** How many parts the body is cut into (once {@link #cut}). */
    public int count() {
      return bounds.length - 1;
    }

    private void parseAll() {
      int[] found = null;
      try {
        found = cuts(body, every);
      } catch (RuntimeException | Error e) {
        // then it is not cut: the reader parses the body whole
      } finally {
        synchronized (this) {
          bounds = found;
          bounded = true;
          notifyAll();
        }
      }
      if (found == null) return;
      int lines = 0;
      try {
        for (int k = 0; k < count(); k++) {
          Node doc = part(k, lines);
          lines += newlines(k);
          synchronized (this) {
            while (held == AHEAD && !closed) wait();
            if (closed) return;
            ready[(first + held) % AHEAD] = doc;
            held++;
            notifyAll();
          }
        }
      } catch (InterruptedException | RuntimeException | Error e) {
        // the reader parses the rest itself, and meets the same failure there if it is real
        synchronized (this) {
          stopped = true;
          notifyAll();
        }
      }
    }

    private int newlines(int k) {
      int c = 0;
      for (int i = body.indexOf('\n', bounds[k]); i >= 0 && i < bounds[k + 1]; i = body.indexOf('\n', i + 1)) c++;
      return c;
    }

    private Node part(int k, int lines) {
      Node doc = PARSER.parse(body.substring(bounds[k], bounds[k + 1]));
      if (k > 0) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) shift(n, lines, bounds[k]);
      }
      return doc;
    }

    @Override
    public boolean hasNext() {
      return next < count();
    }

    @Override
    public Node next() {
      if (!hasNext()) throw new java.util.NoSuchElementException();
      Node doc = null;
      synchronized (this) {
        try {
          while (held == 0 && !stopped) wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (held > 0) {
          doc = ready[first];
          ready[first] = null;
          first = (first + 1) % AHEAD;
          held--;
          notifyAll();
        }
      }
      if (doc == null) {
        int lines = 0;
        for (int k = 0; k < next; k++) lines += newlines(k);
        doc = part(next, lines);
      }
      next++;
      return doc;
    }

    /** Stops parsing ahead and drops what was parsed. */
    @Override
    public synchronized void close() {
      closed = true;
      stopped = true;
      java.util.Arrays.fill(ready, null);
      held = 0;
      notifyAll();
    }
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
