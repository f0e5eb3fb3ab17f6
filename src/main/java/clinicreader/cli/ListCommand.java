package clinicreader.cli;

import clinicreader.content.ArticleMeta;
import clinicreader.content.ContentException;
import clinicreader.content.IndexStore;
import clinicreader.content.Library;
import clinicreader.content.ListView;
import clinicreader.content.Outline;
import clinicreader.layout.Cells;
import clinicreader.layout.PageLayout;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clinic-reader list}: the articles, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List the articles (newest first): date, reading time, title, tags.")
public final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Option(names = "--json", description = "Print JSON: slug, title, date, readingMinutes, author, tags, summary, "
      + "path, draft and the numbered sections.")
  boolean json;

  @Option(names = "--tag", paramLabel = "TAG", description = "Only articles with this tag.")
  String tag;

  @Option(names = "--sort", paramLabel = "KEY", defaultValue = "date", description = "date (newest first) or title.")
  Library.Sort sort = Library.Sort.DATE;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the command with its fields set (by picocli, or by {@link QuickParser}). */
  Integer run(PrintWriter out, PrintWriter err) {
    IndexStore store = IndexStore.userDefault();
    // the index is written while the list is made and printed
    if (store != null) store.inBackground();
    try {
      return list(store, out, err);
    } finally {
      if (store != null) store.awaitSaves();
    }
  }

  private Integer list(IndexStore store, PrintWriter out, PrintWriter err) {
    try {
      // the whole list is cached as printed, in date order, with each article's tags and title
      // order: a warm run only checks the files, then prints the articles asked for
      boolean whole = store != null && out instanceof StdOut;
      if (whole) {
        ListView view = ListView.lookup(store, library.directory(), library.maxBytes, FORMS);
        if (view != null) {
          try {
            int[] order = selection(view, tag, sort);
            // the warnings the library gave when the list was stored, about files still the same
            for (String w : view.warnings()) err.println(w);
            print(view, order, library.drafts, json, ((StdOut) out).bytes());
            return Main.OK;
          } catch (java.io.UncheckedIOException e) {
            // the stored tags or titles could not be read: the library is read as usual
          } finally {
            try {
              view.close();
            } catch (java.io.IOException e) {
              // a file only read from: the list is printed whatever closing it says
            }
          }
        }
      }
      Library lib = Library.open(library.directory(), library.maxBytes, store);
      lib.warnings().forEach(p -> err.println(p.brief()));
      if (whole && !lib.all().isEmpty()) {
        ListView made = entries(lib.all());
        if (made != null) {
          print(made, selection(made, tag, sort), library.drafts, json, ((StdOut) out).bytes());
          ListView.save(store, lib, made);
          return Main.OK;
        }
      }
      List<ArticleMeta> items = select(lib, library.drafts, tag, sort);
      if (json) {
        if (!(out instanceof StdOut std && writeUtf8(items, std))) {
          writeJson(items, out);
          out.println();
        }
      } else {
        printTable(items, out);
      }
      out.flush();
      return Main.OK;
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
  }

  static List<ArticleMeta> select(Library lib, boolean drafts, String tag, Library.Sort sort) {
    var s = lib.visible(drafts).stream()
        .filter(a -> tag == null || a.front().tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)));
    // the library is already in date order
    return sort == Library.Sort.DATE ? s.toList() : s.sorted(sort.comparator()).toList();
  }

  /** The plain list, used when the reader cannot start (no terminal). */
  static int listPlain(LibraryOptions opts, PrintWriter out, PrintWriter err) {
    try {
      Library lib = Library.open(opts.directory(), opts.maxBytes, IndexStore.userDefault());
      lib.warnings().forEach(p -> err.println(p.brief()));
      printTable(select(lib, opts.drafts, null, Library.Sort.DATE), out);
      out.flush();
      return Main.OK;
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
  }

  static void printTable(List<ArticleMeta> items, PrintWriter out) {
    if (items.isEmpty()) {
      out.println(NO_ARTICLES);
      return;
    }
    for (ArticleMeta a : items) out.print(tableEntry(a));
    out.println();
    out.println(tableFooter(items.size()));
  }

  private static final String NO_ARTICLES = "No articles.";

  private static String tableFooter(int n) {
    return n + (n == 1 ? " article" : " articles") + ". Read one: clinic-reader render SLUG";
  }

  /** One article's two lines of the plain list, line ends included. */
  static String tableEntry(ArticleMeta a) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(a.front().date() == null ? "----------" : a.front().date().toString());
    int minutes = a.readingMinutes();
    sb.append(minutes < 10 ? "   " : "  ").append(minutes).append(" min  ");
    if (a.front().draft()) sb.append("[DRAFT] ");
    sb.append(a.title());
    if (!a.front().tags().isEmpty()) sb.append("  #").append(String.join(" #", a.front().tags()));
    sb.append(nl).append("                     ").append(a.slug()).append(nl);
    return sb.toString();
  }

  /**
   * The stored forms of an entry: ", " and its JSON object; its lines of the plain list; its
   * tags, each followed by a newline; its lower-cased title, a newline and its slug (the keys of
   * {@link Library.Sort#TITLE}).
   */
  static final int FORMS = 4;
  private static final int JSON_FORM = 0;
  private static final int TABLE_FORM = 1;
  private static final int TAGS_FORM = 2;
  private static final int TITLE_FORM = 3;

  /**
   * The articles of {@code view} (indices, in print order) that {@code --tag} and {@code --sort}
   * ask for, drafts left to the printing; null for all of them in date order. The same articles
   * in the same order as {@link #select}.
   */
  static int[] selection(ListView view, String tag, Library.Sort sort) {
    if (tag == null && sort == Library.Sort.DATE) return null;
    int n = view.size();
    int[] chosen = new int[n];
    int count = 0;
    if (tag == null) {
      for (int i = 0; i < n; i++) chosen[count++] = i;
    } else {
      byte[] tags = view.bytes(TAGS_FORM);
      int base = view.start(0, TAGS_FORM);
      for (int i = 0; i < n; i++) {
        int end = view.end(i, TAGS_FORM) - base;
        for (int at = view.start(i, TAGS_FORM) - base; at < end; ) {
          int nl = at;
          while (tags[nl] != '\n') nl++;
          if (new String(tags, at, nl - at, StandardCharsets.UTF_8).equalsIgnoreCase(tag)) {
            chosen[count++] = i;
            break;
          }
          at = nl + 1;
        }
      }
    }
    Integer[] order = new Integer[count];
    for (int k = 0; k < count; k++) order[k] = chosen[k];
    if (sort == Library.Sort.TITLE) {
      byte[] keys = view.bytes(TITLE_FORM);
      int base = view.start(0, TITLE_FORM);
      String[] title = new String[n];
      String[] slug = new String[n];
      for (int k = 0; k < count; k++) {
        int i = order[k];
        int from = view.start(i, TITLE_FORM) - base;
        int end = view.end(i, TITLE_FORM) - base;
        int nl = from;
        while (keys[nl] != '\n') nl++;
        title[i] = new String(keys, from, nl - from, StandardCharsets.UTF_8);
        slug[i] = new String(keys, nl + 1, end - nl - 1, StandardCharsets.UTF_8);
      }
      java.util.Arrays.sort(order, (a, b) -> {
        int c = title[a].compareTo(title[b]);
        return c != 0 ? c : slug[a].compareTo(slug[b]);
      });
    }
    int[] out = new int[count];
    for (int k = 0; k < count; k++) out[k] = order[k];
    return out;
  }

  /**
   * Each article's entry in every stored form ({@link #FORMS}), as bytes: the JSON object exactly
   * as the pretty printer writes it inside the list, after the ", " that separates it from the
   * one before; the plain list's lines; and the keys {@link #selection} picks and orders by.
   * Null when some text cannot be written as UTF-8 bytes as it stands (a lone surrogate), so the
   * usual way must print it.
   */
  static ListView entries(List<ArticleMeta> items) {
    int n = items.size();
    // a large list in two halves, the second on the other core, then put together
    int half = n >= PARALLEL_ENTRIES ? n / 2 : n;
    Entries first = new Entries(items, 0, half);
    Entries second = half < n ? new Entries(items, half, n) : null;
    Thread other = second == null ? null : new Thread(second, "clinic-reader-entries");
    if (other != null) other.start();
    first.run();
    if (other != null) {
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    if (first.json.broken || (second != null && second.json.broken)) return null;
    int[][] starts = new int[FORMS][n + 1];
    byte[][] forms = new byte[FORMS][];
    for (int k = 0; k < FORMS; k++) {
      int firstSize = first.size(k);
      int size = firstSize + (second == null ? 0 : second.size(k));
      byte[] all = second == null ? first.bytes(k) : new byte[size];
      if (second != null) {
        System.arraycopy(first.bytes(k), 0, all, 0, firstSize);
        System.arraycopy(second.bytes(k), 0, all, firstSize, size - firstSize);
      }
      System.arraycopy(first.starts[k], 0, starts[k], 0, half);
      if (second != null) {
        for (int i = half; i < n; i++) starts[k][i] = firstSize + second.starts[k][i - half];
      }
      starts[k][n] = size;
      forms[k] = all;
    }
    byte[] json = forms[JSON_FORM];
    for (int i = 0; i < n; i++) {
      int at = starts[JSON_FORM][i];
      if (starts[JSON_FORM][i + 1] - at < 4 || json[at] != ',' || json[at + 1] != ' ' || json[at + 2] != '{') return null;
    }
    return ListView.of(items, forms, starts);
  }

  /** How many articles make a list worth writing in two halves. */
  private static final int PARALLEL_ENTRIES = 2000;

  /** The entries of {@code items[from, to)} in every form, with where each starts. */
  private static final class Entries implements Runnable {
    private final List<ArticleMeta> items;
    private final int from;
    private final int to;
    final int[][] starts;
    ListJson json;
    Buffer table;
    Buffer tags;
    Buffer titles;

    Entries(List<ArticleMeta> items, int from, int to) {
      this.items = items;
      this.from = from;
      this.to = to;
      starts = new int[FORMS][to - from];
    }

    @Override
    public void run() {
      int n = to - from;
      // sized from the first entry: growing a large buffer by doubling copies it and takes collections
      byte[] first = tableEntry(items.get(from)).getBytes(StandardCharsets.UTF_8);
      json = new ListJson((int) Math.min(Integer.MAX_VALUE - 16, (long) n * (first.length * 8 + 512)));
      table = new Buffer((int) Math.min(Integer.MAX_VALUE - 16, (long) n * (first.length + 32)));
      tags = new Buffer(n * 24 + 16);
      titles = new Buffer(n * 64 + 16);
      for (int i = 0; i < n; i++) {
        ArticleMeta a = items.get(from + i);
        starts[JSON_FORM][i] = json.size();
        json.element(a, clinicreader.content.Problem.display(a.path()));
        starts[TABLE_FORM][i] = table.size();
        table.writeBytes(tableEntry(a).getBytes(StandardCharsets.UTF_8));
        starts[TAGS_FORM][i] = tags.size();
        for (String t : a.front().tags()) {
          if (t == null) continue;
          tags.writeBytes(t.getBytes(StandardCharsets.UTF_8));
          tags.write('\n');
        }
        starts[TITLE_FORM][i] = titles.size();
        String title = a.title() == null ? "" : a.title();
        titles.writeBytes(title.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        titles.write('\n');
        titles.writeBytes((a.slug() == null ? "" : a.slug()).getBytes(StandardCharsets.UTF_8));
      }
    }

    int size(int form) {
      return form == JSON_FORM ? json.size() : buffer(form).size();
    }

    byte[] bytes(int form) {
      return form == JSON_FORM ? json.array() : buffer(form).array();
    }

    private Buffer buffer(int form) {
      return form == TABLE_FORM ? table : form == TAGS_FORM ? tags : titles;
    }
  }

  /** A byte buffer whose array is used as it stands, without the copy {@code toByteArray} makes. */
  private static final class Buffer extends java.io.ByteArrayOutputStream {
    Buffer(int size) {
      super(size);
    }

    byte[] array() {
      return buf;
    }
  }

  /** Prints the list (date order, drafts when asked for) from stored entries. */
  static void print(ListView view, boolean drafts, boolean json, java.io.OutputStream raw) {
    print(view, null, drafts, json, raw);
  }

  /**
   * Prints the articles at {@code order} (indices of the view, in print order; null for all of
   * them in date order), drafts only when asked for.
   */
  static void print(ListView view, int[] order, boolean drafts, boolean json, java.io.OutputStream raw) {
    // a file's stream as it is: a stored view goes to it from the cache file without a copy through the heap
    java.io.OutputStream os = raw instanceof java.io.FileOutputStream ? raw : new java.io.BufferedOutputStream(raw, 1 << 16);
    int form = json ? JSON_FORM : TABLE_FORM;
    try {
      int shown = 0;
      if (json) os.write(OPEN);
      // runs of shown articles lie back to back: one write each (all of them, when no draft is left out)
      int n = order == null ? view.size() : order.length;
      if (order == null && n > 0 && (drafts || view.drafts() == 0)) {
        view.write(form, view.start(0, form) + (json ? 2 : 0), view.end(n - 1, form), os);
        shown = n;
      }
      for (int p = shown; p < n; ) {
        int i = order == null ? p : order[p];
        if (!drafts && view.draft(i)) {
          p++;
          continue;
        }
        int q = p + 1;
        int last = i;
        while (q < n) {
          int j = order == null ? q : order[q];
          if (j != last + 1 || (!drafts && view.draft(j))) break;
          last = j;
          q++;
        }
        // the first object shown goes without its ", "
        int from = view.start(i, form) + (json && shown == 0 ? 2 : 0);
        view.write(form, from, view.end(last, form), os);
        shown += q - p;
        p = q;
      }
      String nl = System.lineSeparator();
      String tail;
      if (json) {
        tail = (shown == 0 ? "]" : " ]") + nl;
      } else if (shown == 0) {
        tail = NO_ARTICLES + nl;
      } else {
        tail = nl + tableFooter(shown) + nl;
      }
      os.write(tail.getBytes(StandardCharsets.UTF_8));
      os.flush();
    } catch (java.io.IOException e) {
      // a closed pipe: the reader went away, as with the character writer
    }
  }

  private static final byte[] OPEN = {'[', ' '};

  static String toJson(List<ArticleMeta> items) {
    java.io.StringWriter w = new java.io.StringWriter();
    writeJson(items, w);
    return w.toString();
  }

  /**
   * Writes the JSON list and a line end to standard output as UTF-8 bytes, the same bytes as
   * {@link #writeJson(List, java.io.Writer)} through the character writer but without its
   * per-character encoding. False, with nothing written, when some text holds a lone surrogate
   * (the byte generator rejects what the character writer replaces), so the caller writes it
   * the usual way.
   */
  static boolean writeUtf8(List<ArticleMeta> items, StdOut out) {
    for (ArticleMeta a : items) if (!encodable(a)) return false;
    java.io.OutputStream os = new java.io.BufferedOutputStream(out.bytes(), 1 << 16);
    try {
      try (JsonGenerator g = utf8Factory().createGenerator(os, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
        writeJson(items, g);
      }
      os.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
      os.flush();
    } catch (java.io.IOException e) {
      // a closed pipe: the reader went away, as with the character writer
    }
    return true;
  }

  private static com.fasterxml.jackson.core.JsonFactory utf8Factory() {
    // by default the byte generator writes a character outside the BMP as two escapes
    return clinicreader.content.Json.Streaming.utf8Factory();
  }

  private static boolean encodable(ArticleMeta a) {
    if (!encodable(a.slug()) || !encodable(a.title()) || !encodable(a.front().author())
        || !encodable(a.front().summary()) || !encodable(clinicreader.content.Problem.display(a.path()))) {
      return false;
    }
    for (String t : a.front().tags()) if (!encodable(t)) return false;
    for (Outline.Section s : a.outline().sections()) {
      if (!encodable(s.number()) || !encodable(s.title()) || !encodable(s.anchor())) return false;
    }
    return true;
  }

  /** No lone surrogate: every high surrogate followed by a low one, and no other low one. */
  static boolean encodable(String s) {
    if (s == null) return true;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  /** Streams the JSON list to {@code out}; the same text as pretty-printing a list of maps. */
  static void writeJson(List<ArticleMeta> items, java.io.Writer out) {
    try (JsonGenerator g = clinicreader.content.Json.MAPPER.getFactory().createGenerator(out)) {
      writeJson(items, g);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void writeJson(List<ArticleMeta> items, JsonGenerator g) throws java.io.IOException {
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartArray();
    for (ArticleMeta a : items) writeObject(a, g);
    g.writeEndArray();
  }

  private static void writeObject(ArticleMeta a, JsonGenerator g) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("slug", a.slug());
    g.writeStringField("title", a.title());
    g.writeStringField("date", a.front().date() == null ? null : a.front().date().toString());
    g.writeNumberField("readingMinutes", a.readingMinutes());
    g.writeStringField("author", a.front().author());
    g.writeArrayFieldStart("tags");
    for (String t : a.front().tags()) g.writeString(t);
    g.writeEndArray();
    g.writeStringField("summary", a.front().summary());
    g.writeStringField("path", clinicreader.content.Problem.display(a.path()));
    g.writeBooleanField("draft", a.front().draft());
    g.writeArrayFieldStart("sections");
    for (Outline.Section sec : a.outline().sections()) {
      g.writeStartObject();
      g.writeStringField("number", sec.number());
      g.writeNumberField("level", sec.level());
      g.writeStringField("title", sec.title());
      g.writeStringField("anchor", sec.anchor());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
