package clinicreader.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Output state of a layout: the lines so far, the stack of line prefixes of the open
 * containers (quote bars, list bullets), the pending blank line between blocks, and the id of
 * the block being written. Never lets a line exceed the width.
 */
final class LayoutWriter {
  private final int width;
  private final List<Line> lines = new ArrayList<>();
  /** Where finished lines go instead of {@link #lines}, when the caller needs each only once. */
  private final Consumer<Line> sink;
  private int count;
  /** A part that continues a page (see {@link #part}): text stands before it. */
  private boolean continued;
  /** Whether the first line written was a pending blank line. */
  private boolean firstBlank;
  private final List<Prefix> prefixes = new ArrayList<>();
  private boolean blankPending;
  private int block = -1;

  /** A container's prefix: {@code first} on its first line, then {@code rest}. */
  private static final class Prefix {
    final Span first;
    final Span rest;
    final Span blank;
    boolean used;

    Prefix(Span first, Span rest, Span blank) {
      this.first = first;
      this.rest = rest;
      this.blank = blank;
    }
  }

  LayoutWriter(int width) {
    this(width, null);
  }

  /** A writer that hands every finished line to {@code sink} (in order) instead of keeping it. */
  LayoutWriter(int width, Consumer<Line> sink) {
    this.width = width;
    this.sink = sink;
  }

  /** Whether lines go to a sink rather than being kept. */
  boolean streaming() {
    return sink != null;
  }

  /**
   * A writer for a later part of the page, laid out beside this one from a top-level block
   * boundary (no open containers) and kept until {@link #append} adds it: it starts as after
   * some text, so its blank lines come out as they would here.
   */
  LayoutWriter part() {
    // a part of a page written as text writes its own lines too, into memory, instead of
    // holding them as objects for this writer (less for the collector to copy, less work here)
    LayoutWriter w = new LayoutWriter(width, sink instanceof LineWriter.Sink s ? s.part() : null);
    w.continued = true;
    return w;
  }

  /** Finishes a {@link #part} that writes its own lines: called on the thread that laid it out. */
  void finishPart() {
    if (sink instanceof LineWriter.Sink s) s.finish();
  }

  /**
   * Adds the lines of a {@link #part}, laid out from where this writer stands now: the blank
   * line this writer owes goes before them unless the part began with its own, and what the
   * part owes at its end is owed here.
   */
  void append(LayoutWriter part) {
    List<Line> got = part.lines;
    // the part numbered its blocks from 0
    int shift = block + 1;
    if (part.sink instanceof LineWriter.Sink written) {
      if (part.count > 0) {
        if (blankPending && !part.firstBlank) add(new Line(List.of(), shift));
        blankPending = false;
        ((LineWriter.Sink) sink).append(written);
        count += part.count;
      }
    } else if (!got.isEmpty()) {
      if (blankPending && !part.firstBlank) add(new Line(List.of(), got.get(0).block() + shift));
      blankPending = false;
      for (Line l : got) add(shift == 0 ? l : new Line(l.spans(), l.block() + shift));
    }
    blankPending |= part.blankPending;
    block += part.block + 1;
  }

  int width() {
    return width;
  }

  /** Starts a new block: the lines that follow belong to it. */
  int nextBlock() {
    return ++block;
  }

  /** The index the next written line will have (counting a pending blank line). */
  int nextLine() {
    return count + (blankPending ? 1 : 0);
  }

  int lineCount() {
    return count;
  }

  /** The lines written, when no sink takes them. */
  List<Line> lines() {
    return lines;
  }

  /** Width left for content inside the current prefixes. */
  int available() {
    return Math.max(1, width - prefixWidth());
  }

  private int prefixWidth() {
    int w = 0;
    for (int i = 0; i < prefixes.size(); i++) {
      Prefix p = prefixes.get(i);
      w += (p.used ? p.rest : p.first).width();
    }
    return w;
  }

  /**
   * Opens a container. Past a depth where the text column would get too narrow, the prefix is
   * dropped (the nesting stays, the indentation stops growing), so deep input never squeezes
   * the text to nothing.
   */
  void push(Span first, Span rest, Span blank) {
    int minContent = Math.min(20, Math.max(8, width / 2));
    if (prefixWidth() + Math.max(first.width(), rest.width()) > width - minContent) {
      Span empty = new Span("", first.style());
      prefixes.add(new Prefix(empty, empty, empty));
    } else {
      prefixes.add(new Prefix(first, rest, blank));
    }
  }

  void pop() {
    prefixes.remove(prefixes.size() - 1);
  }

  /** Asks for a blank line before the next block (not at the very top). */
  void blank() {
    if (count > 0 || continued) blankPending = true;
  }

  void cancelBlank() {
    blankPending = false;
  }

  /** Writes one line of content under the current prefixes. */
  void line(List<Span> content) {
    flushBlank();
    List<Span> spans = new ArrayList<>(prefixes.size() + content.size());
    for (int i = 0; i < prefixes.size(); i++) {
      Prefix p = prefixes.get(i);
      Span s = p.used ? p.rest : p.first;
      p.used = true;
      if (!s.text().isEmpty()) spans.add(s);
    }
    spans.addAll(content);
    add(new Line(fit(spans, width), block));
  }

  /** Writes a line outside every prefix (page chrome). */
  void raw(List<Span> content) {
    flushBlank();
    add(new Line(fit(content, width), block));
  }

  private void add(Line l) {
    count++;
    if (sink == null) lines.add(l);
    else sink.accept(l);
  }

  private void flushBlank() {
    if (!blankPending) return;
    blankPending = false;
    if (count == 0) firstBlank = true;
    List<Span> spans = new ArrayList<>();
    for (Prefix p : prefixes) {
      if (!p.used) continue;
      if (!p.blank.text().isEmpty()) spans.add(p.blank);
    }
    // trailing spaces of prefixes are not needed on a blank line
    if (!spans.isEmpty()) {
      Span last = spans.get(spans.size() - 1);
      spans.set(spans.size() - 1, new Span(last.text().stripTrailing(), last.style()));
    }
    add(new Line(fit(spans, width), block));
  }

  /** Cuts spans to {@code width} cells: a guard; the layout itself never produces wider lines. */
  static List<Span> fit(List<Span> spans, int width) {
    int w = 0;
    for (int i = 0; i < spans.size(); i++) w += spans.get(i).width();
    if (w <= width) return spans;
    List<Span> out = new ArrayList<>();
    int left = width;
    for (Span s : spans) {
      int sw = s.width();
      if (sw <= left) {
        out.add(s);
        left -= sw;
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (String cl : Cells.clusters(s.text())) {
        int cw = Cells.clusterWidth(cl);
        if (cw > left) break;
        sb.append(cl);
        left -= cw;
      }
      if (sb.length() > 0) out.add(new Span(sb.toString(), s.style()));
      break;
    }
    return out;
  }
}
