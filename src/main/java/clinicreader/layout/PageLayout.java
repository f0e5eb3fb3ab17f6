package clinicreader.layout;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.Outline;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * The article page, used everywhere (TUI and {@code render}): header (title, date, reading
 * time, author, tags), numbered contents, body, call-to-action, references, related articles,
 * links, and the clinic's disclaimer and crisis notice.
 */
public final class PageLayout {
  /** The narrowest width the layout supports. */
  public static final int MIN_WIDTH = 20;
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final Pattern REFERENCES =
      Pattern.compile("(?i)^(\\d+[.)]?\\s+)?(references|sources|further reading|citations)$");

  private PageLayout() {}

  /** Whether a section title names the references ("References", "4. Sources", ...). */
  public static boolean isReferencesTitle(String title) {
    return title != null && REFERENCES.matcher(title).matches();
  }

  /** Everything a page shows besides the article itself. */
  public record Input(Article article, Clinic clinic, List<ArticleMeta> related) {}

  /** Lays out a whole article page at {@code width} (clamped to at least {@link #MIN_WIDTH}). */
  public static Page layout(Input in, int width, Theme theme) {
    int w = Math.max(MIN_WIDTH, width);
    LayoutWriter out = new LayoutWriter(w);
    return page(in, out);
  }

  /**
   * Lays out the same page as {@link #layout} but hands each line to {@code sink} as soon as it
   * is finished, in order, and keeps none: for printing a page once, where holding every line
   * of a long article would only make work for the collector.
   */
  public static void write(Input in, int width, Theme theme, Consumer<Line> sink) {
    page(in, new LayoutWriter(Math.max(MIN_WIDTH, width), sink), PARALLEL_BLOCKS);
  }

  /** {@link #write} splitting bodies of at least {@code parallelBlocks} top-level blocks: for tests. */
  static void write(Input in, int width, Consumer<Line> sink, int parallelBlocks) {
    page(in, new LayoutWriter(Math.max(MIN_WIDTH, width), sink), parallelBlocks);
  }

  private static Page page(Input in, LayoutWriter out) {
    return page(in, out, PARALLEL_BLOCKS);
  }

  private static Page page(Input in, LayoutWriter out, int parallelBlocks) {
    int w = out.width();
    List<Page.Link> links = new ArrayList<>();
    List<Page.Related> related = new ArrayList<>();
    Article a = in.article();
    BlockLayout blocks = new BlockLayout(out, a.document(), a.outline(), links);

    header(out, blocks, a.meta());
    contents(out, blocks, a.outline());

    List<Node> deferred = referenceNodes(a.document());
    out.blank();
    Set<Node> skip = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    skip.addAll(deferred);
    List<Node> body = new ArrayList<>();
    for (Node n = a.document().getFirstChild(); n != null; n = n.getNext()) if (!skip.contains(n)) body.add(n);
    if (out.streaming() && body.size() >= parallelBlocks) {
      inTwoParts(out, blocks, body);
    } else {
      for (Node n : body) blocks.block(n, false);
    }

    cta(out, blocks, in.clinic().ctaFor(a.meta().front().cta()));

    if (!deferred.isEmpty()) {
      // the references keep their place in the outline; only their position on the page moves
      for (Node n : deferred) blocks.block(n, false);
    }
    relatedList(out, blocks, in.related(), related);
    linkList(out, blocks, links);
    footer(out, blocks, in.clinic());
    return new Page(out.lines(), w, blocks.sectionLines(), links, related);
  }

  /** Bodies of at least this many top-level blocks are laid out in two parts at once when streamed. */
  private static final int PARALLEL_BLOCKS = 2000;

  /**
   * Lays out the body's blocks in two parts, the later one on a second thread while this one
   * lays out and writes the first: the same layout, with the later part's links numbered after
   * the first part's (counted beforehand) and its lines appended once the first part is done.
   * Should the count ever disagree with the links the first part numbered, or the second
   * thread fail, the later part is laid out again here, so the page never changes.
   */
  private static void inTwoParts(LayoutWriter out, BlockLayout blocks, List<Node> body) {
    // both parts write their own lines now, and this thread has the page's start behind it:
    // it takes a little more (measured: either side idled 0-25 ms at 21/40; this one waited
    // 25-130 ms for the other at 9/20)
    int split = body.size() * 21 / 40;
    int linksBefore = blocks.linkCount();
    for (Node n : body.subList(0, split)) linksBefore += blocks.linksIn(n);
    LayoutWriter partOut = out.part();
    BlockLayout part = blocks.part(partOut, new ArrayList<>(), linksBefore);
    List<Node> later = body.subList(split, body.size());
    java.util.concurrent.FutureTask<BlockLayout> task = new java.util.concurrent.FutureTask<>(() -> {
      for (Node n : later) part.block(n, false);
      partOut.finishPart();
      return part;
    });
    Thread t = new Thread(task, "layout-part");
    t.setDaemon(true);
    t.start();
    for (Node n : body.subList(0, split)) blocks.block(n, false);
    boolean done;
    try {
      task.get();
      done = blocks.linkCount() == linksBefore;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = false;
    } catch (java.util.concurrent.ExecutionException e) {
      done = false;
    }
    if (done) {
      out.append(partOut);
      blocks.append(part);
    } else {
      task.cancel(true);
      for (Node n : later) blocks.block(n, false);
    }
  }

  /**
   * A page whose body comes as documents in order, parts of the whole that parse to its blocks
   * ({@code content.Markdown.Parts}); {@code meta}'s outline is the body's, found without the tree.
   * The related articles are asked for only when the page's end is laid out (they may still be
   * being found meanwhile).
   */
  public record Parts(ArticleMeta meta, java.util.Iterator<Node> body, int bodyLine, Clinic clinic,
      java.util.function.Supplier<List<ArticleMeta>> related) {}

  /**
   * Writes the page {@link #write} writes for the whole article, laying out each part of its
   * body and dropping it before the next, so no more than a few parts' trees are ever held.
   * The contents at the top come from the outline in {@code meta}: returns false when the parts'
   * section headings turn out to make another outline, and then what was written is not the page
   * (the caller discards it and lays out the whole article).
   */
  public static boolean write(Parts in, int width, Theme theme, Consumer<Line> sink) {
    LayoutWriter out = new LayoutWriter(Math.max(MIN_WIDTH, width), sink);
    List<Page.Link> links = new ArrayList<>();
    Outline outline = in.meta().outline();
    BlockLayout blocks = new BlockLayout(out, null, outline, links);
    // each part's section headings move here once laid out, to check the outline at the end
    Document sections = new Document();
    List<Node> deferred = new ArrayList<>();
    PartHelper helper = new PartHelper();
    java.util.ArrayDeque<PartJob> pending = new java.util.ArrayDeque<>();
    try {
      int section = 0;
      int linkBase = 0;
      boolean top = true;
      while (in.body().hasNext()) {
        // numbered here, in order, before either thread lays the part out: its sections from
        // the headings before it, its links from the links counted before it
        PartJob job = new PartJob(in.body().next(), out.part(), blocks, section, linkBase);
        section += job.sections;
        linkBase += job.counted;
        pending.add(job);
        boolean handed = helper.offer(job);
        if (top) {
          // the first part is laid out beside the page's top, which lays out no links
          header(out, blocks, in.meta());
          contents(out, blocks, outline);
          out.blank();
          top = false;
        }
        if (!handed) job.run();
        // the parts done in order are added to the page; waiting only when too many are held
        while (!pending.isEmpty() && (pending.peek().isDone() || pending.size() > 12)) {
          if (!add(pending.poll(), out, blocks, sections, deferred)) return false;
        }
      }
      if (top) return false;
      while (!pending.isEmpty()) if (!add(pending.poll(), out, blocks, sections, deferred)) return false;
    } finally {
      helper.quit();
    }
    // the parts' outline is made on another thread while this one lays out the page's end
    java.util.concurrent.FutureTask<Outline> confirm = new java.util.concurrent.FutureTask<>(new Confirm(sections, in.bodyLine()));
    Thread t = new Thread(confirm, "confirm-outline");
    t.setDaemon(true);
    t.start();

    cta(out, blocks, in.clinic().ctaFor(in.meta().front().cta()));
    // the outline's sections are now the headings held here, in order: the deferred ones among them
    blocks.sections(sections, 0);
    for (Node n : deferred) blocks.block(n, false);
    relatedList(out, blocks, in.related().get(), new ArrayList<>());
    linkList(out, blocks, links);
    footer(out, blocks, in.clinic());
    try {
      return sameSections(confirm.get(), outline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    }
  }

  /** The outline of the parts' section headings, gathered in one document. */
  private record Confirm(Document sections, int bodyLine) implements java.util.concurrent.Callable<Outline> {
    @Override
    public Outline call() {
      return Outline.of(sections, bodyLine);
    }
  }

  /** Outline equality field by field: a record's own equals is slow on its first calls. */
  private static boolean sameSections(Outline a, Outline b) {
    List<Outline.Section> x = a.sections();
    List<Outline.Section> y = b.sections();
    if (x.size() != y.size()) return false;
    for (int i = 0; i < x.size(); i++) {
      Outline.Section s = x.get(i);
      Outline.Section t = y.get(i);
      if (s.level() != t.level() || s.sourceLine() != t.sourceLine() || !s.number().equals(t.number())
          || !s.title().equals(t.title()) || !s.anchor().equals(t.anchor())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds a laid-out part to the page: its lines, links, deferred reference nodes and section
   * headings. False when it failed or numbered other links than were counted for it.
   */
  private static boolean add(PartJob job, LayoutWriter out, BlockLayout blocks, Document sections,
      List<Node> deferred) {
    List<Node> heads;
    try {
      heads = job.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    }
    if (job.blocks.linkCount() != job.linkBase + job.counted) return false;
    out.append(job.out);
    blocks.append(job.blocks);
    deferred.addAll(job.deferred);
    for (Node h : heads) sections.appendChild(h);
    return true;
  }

  /**
   * One part of the body, numbered and counted, laid out by whichever thread runs it; its result
   * is the part's section headings. Once run it holds no more of the part's tree than those
   * and its deferred reference nodes.
   */
  private static final class PartJob extends java.util.concurrent.FutureTask<List<Node>> {
    final LayoutWriter out;
    final BlockLayout blocks;
    final int sections;
    final int linkBase;
    final int counted;
    final List<Node> deferred;

    PartJob(Node doc, LayoutWriter out, BlockLayout page, int section, int linkBase) {
      // each part after the first starts with a "#" or "##" heading, where a references section
      // starts or ends anyway: the parts' reference nodes are the whole body's
      this(doc, out, page.part(out, new ArrayList<>(), linkBase), section, linkBase, referenceNodes(doc));
    }

    private PartJob(Node doc, LayoutWriter out, BlockLayout blocks, int section, int linkBase, List<Node> deferred) {
      super(new Layout(doc, out, blocks, deferred));
      this.out = out;
      this.blocks = blocks;
      this.linkBase = linkBase;
      this.deferred = deferred;
      this.sections = blocks.sections(doc, section);
      int c = 0;
      for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) if (!deferred.contains(n)) c += blocks.linksIn(n);
      this.counted = c;
    }
  }

  /**
   * Lays out one part's blocks but its deferred ones, and gives its section headings, unlinked:
   * then they no longer hold the rest of the part. (A class rather than a lambda: no class is
   * spun for it at run time.)
   */
  private record Layout(Node doc, LayoutWriter out, BlockLayout blocks, List<Node> deferred)
      implements java.util.concurrent.Callable<List<Node>> {
    @Override
    public List<Node> call() {
      List<Node> heads = new ArrayList<>();
      for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
        if (!deferred.contains(n)) blocks.block(n, false);
        if (n instanceof Heading h && Outline.isSection(h)) heads.add(h);
      }
      out.finishPart();
      for (Node h : heads) h.unlink();
      return heads;
    }
  }

  /**
   * A second thread laying out parts of the body while this one lays out others. Plain wait and
   * notify, and a thread class rather than a lambda: a blocking queue and a spun lambda class
   * would each load classes from outside the start-up archive.
   */
  private static final class PartHelper extends Thread {
    private PartJob job;
    private boolean started;
    private boolean stopped;

    PartHelper() {
      super("layout-parts");
      setDaemon(true);
    }

    /** Hands {@code job} to the helper if it has nothing to do. */
    synchronized boolean offer(PartJob next) {
      if (!started) {
        started = true;
        start();
      }
      if (job != null) return false;
      job = next;
      notifyAll();
      return true;
    }

    @Override
    public void run() {
      while (true) {
        PartJob j;
        synchronized (this) {
          while (job == null && !stopped) {
            try {
              wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          if (job == null) return;
          j = job;
        }
        j.run();
        synchronized (this) {
          job = null;
        }
      }
    }

    synchronized void quit() {
      stopped = true;
      notifyAll();
    }
  }

  /** Lays out a bare Markdown document (no header or footer): used for tests and fragments. */
  public static Page document(Node document, Outline outline, int width) {
    int w = Math.max(MIN_WIDTH, width);
    LayoutWriter out = new LayoutWriter(w);
    List<Page.Link> links = new ArrayList<>();
    BlockLayout blocks = new BlockLayout(out, document, outline, links);
    blocks.children(document, n -> true);
    linkList(out, blocks, links);
    return new Page(out.lines(), w, blocks.sectionLines(), links, List.of());
  }

  /** Formats a date the way pages show it: "22 July 2025". */
  public static String date(java.time.LocalDate d) {
    if (d == null) return "undated";
    int year = d.getYear();
    // what the pattern "d MMMM uuuu" (English) prints, without building a formatter and its
    // locale data on every start (a hundredth of a short render); odd years still go through it
    if (year < 1000 || year > 9999) return DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(d);
    return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + year;
  }

  private static void header(LayoutWriter out, BlockLayout blocks, ArticleMeta m) {
    out.nextBlock();
    List<Wrapper.Run> title = new ArrayList<>();
    if (m.front().draft()) {
      title.add(Wrapper.Run.of("DRAFT", Style.of(Tone.DRAFT)));
      title.add(Wrapper.Run.of(" ", Style.PLAIN));
    }
    title.add(Wrapper.Run.of(m.title(), new Style(Tone.TITLE, Style.BOLD)));
    blocks.paragraph(title);
    out.nextBlock();
    StringBuilder meta = new StringBuilder(date(m.front().date()));
    meta.append(" \u00b7 ").append(m.readingMinutes()).append("\u00a0min\u00a0read");
    if (m.front().author() != null && !m.front().author().isBlank()) meta.append(" \u00b7 ").append(m.front().author());
    blocks.paragraph(List.of(Wrapper.Run.of(meta.toString(), Style.of(Tone.META))));
    if (!m.front().tags().isEmpty()) {
      List<Wrapper.Run> tags = new ArrayList<>();
      for (String t : m.front().tags()) {
        if (!tags.isEmpty()) tags.add(Wrapper.Run.of(" ", Style.PLAIN));
        tags.add(Wrapper.Run.of("#" + t.replace(' ', '-'), Style.of(Tone.TAG)));
      }
      blocks.paragraph(tags);
    }
  }

  private static void contents(LayoutWriter out, BlockLayout blocks, Outline outline) {
    if (outline.sections().isEmpty()) return;
    out.blank();
    out.nextBlock();
    out.line(List.of(new Span("Contents", new Style(Tone.SUBHEADING, Style.BOLD))));
    int numWidth = 0;
    for (Outline.Section s : outline.sections()) if (s.level() == 1) numWidth = Math.max(numWidth, s.number().length());
    for (Outline.Section s : outline.sections()) {
      out.nextBlock();
      String num = s.level() == 1
          ? " ".repeat(numWidth - s.number().length()) + s.number() + ". "
          : " ".repeat(numWidth + 2) + s.number() + " ";
      Span first = new Span("  " + num, Style.of(Tone.MUTED));
      Span rest = new Span(" ".repeat(Cells.width(first.text())), Style.PLAIN);
      out.push(first, rest, rest);
      blocks.paragraph(List.of(Wrapper.Run.of(s.title(), Style.of(Tone.TEXT))));
      out.pop();
    }
    out.blank();
    out.nextBlock();
    out.line(List.of(new Span("\u2500".repeat(out.width()), Style.of(Tone.RULE))));
  }

  /** The top-level nodes of a trailing "References" section, laid out after the call-to-action. */
  static List<Node> referenceNodes(Node document) {
    List<Node> out = new ArrayList<>();
    boolean in = false;
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() <= 2) {
        in = isReferencesTitle(Outline.plainText(h));
      }
      if (in) out.add(n);
    }
    return out;
  }

  private static void cta(LayoutWriter out, BlockLayout blocks, Clinic.Cta cta) {
    out.blank();
    out.nextBlock();
    int boxWidth = Math.min(out.width(), 72);
    int inner = boxWidth - 4;
    Style border = Style.of(Tone.CTA);
    out.raw(List.of(new Span("\u256d" + "\u2500".repeat(boxWidth - 2) + "\u256e", border)));
    List<List<Span>> body = new ArrayList<>();
    body.addAll(Wrapper.wrap(List.of(Wrapper.Run.of(cta.title(), new Style(Tone.CTA_TITLE, Style.BOLD))), inner));
    if (cta.text() != null && !cta.text().isBlank()) {
      body.addAll(Wrapper.wrap(List.of(Wrapper.Run.of(cta.text(), Style.of(Tone.CTA))), inner));
    }
    if (cta.action() != null && !cta.action().isBlank()) {
      body.addAll(Wrapper.wrap(List.of(Wrapper.Run.of("\u2192 " + cta.action(), new Style(Tone.CTA, Style.BOLD))), inner));
    }
    for (List<Span> l : body) {
      int lw = new Line(l, 0).width();
      List<Span> row = new ArrayList<>();
      row.add(new Span("\u2502 ", border));
      row.addAll(l);
      row.add(new Span(" ".repeat(Math.max(0, inner - lw)) + " \u2502", border));
      out.raw(row);
    }
    out.raw(List.of(new Span("\u2570" + "\u2500".repeat(boxWidth - 2) + "\u256f", border)));
    out.blank();
  }

  private static void relatedList(LayoutWriter out, BlockLayout blocks, List<ArticleMeta> related,
      List<Page.Related> sink) {
    if (related.isEmpty()) return;
    out.blank();
    out.nextBlock();
    out.line(List.of(new Span("Related articles", new Style(Tone.HEADING, Style.BOLD))));
    for (ArticleMeta r : related) {
      out.blank();
      out.nextBlock();
      sink.add(new Page.Related(r.slug(), r.title(), out.nextLine()));
      Span bullet = new Span("\u25b8 ", Style.of(Tone.LINK_MARKER));
      Span indent = new Span("  ", Style.PLAIN);
      out.push(bullet, indent, indent);
      blocks.paragraph(List.of(
          Wrapper.Run.of(r.title(), new Style(Tone.LINK, Style.BOLD)),
          Wrapper.Run.of(" \u00b7\u00a0" + r.readingMinutes() + "\u00a0min\u00a0read", Style.of(Tone.META))));
      if (r.front().summary() != null && !r.front().summary().isBlank()) {
        blocks.paragraph(List.of(Wrapper.Run.of(r.front().summary(), Style.of(Tone.MUTED))));
      }
      out.pop();
    }
  }

  private static void linkList(LayoutWriter out, BlockLayout blocks, List<Page.Link> links) {
    if (links.isEmpty()) return;
    out.blank();
    out.nextBlock();
    out.line(List.of(new Span("Links", new Style(Tone.HEADING, Style.BOLD))));
    int numWidth = Integer.toString(links.size()).length() + 2;
    for (Page.Link l : links) {
      out.nextBlock();
      // String.format("%" + numWidth + "s ", ...), without a Formatter per link
      String number = BlockLayout.marker(l.number());
      String marker = " ".repeat(Math.max(0, numWidth - number.length())) + number + " ";
      Span first = new Span(marker, Style.of(Tone.LINK_MARKER));
      Span rest = new Span(" ".repeat(marker.length()), Style.PLAIN);
      out.push(first, rest, rest);
      blocks.paragraph(List.of(Wrapper.Run.of(l.destination().isEmpty() ? "(empty link)" : l.destination(),
          Style.of(Tone.LINK))));
      out.pop();
    }
  }

  private static void footer(LayoutWriter out, BlockLayout blocks, Clinic clinic) {
    out.blank();
    out.nextBlock();
    out.line(List.of(new Span("\u2500".repeat(out.width()), Style.of(Tone.RULE))));
    out.nextBlock();
    blocks.paragraph(List.of(Wrapper.Run.of(clinic.disclaimer(), Style.of(Tone.MUTED))));
    out.blank();
    out.nextBlock();
    blocks.paragraph(List.of(Wrapper.Run.of(clinic.crisis(), Style.of(Tone.CRISIS).with(Style.BOLD))));
  }
}
