package clinicreader.cli;

import clinicreader.content.ArticleMeta;
import clinicreader.content.ContentException;
import clinicreader.content.IndexStore;
import clinicreader.content.Library;
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
    try {
      Library lib = Library.open(library.directory(), library.maxBytes, IndexStore.userDefault());
      lib.warnings().forEach(p -> err.println(p.brief()));
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
      out.println("No articles.");
      return;
    }
    for (ArticleMeta a : items) {
      StringBuilder sb = new StringBuilder();
      sb.append(a.front().date() == null ? "----------" : a.front().date().toString());
      sb.append(String.format("  %2d min  ", a.readingMinutes()));
      if (a.front().draft()) sb.append("[DRAFT] ");
      sb.append(a.title());
      if (!a.front().tags().isEmpty()) sb.append("  #").append(String.join(" #", a.front().tags()));
      out.println(sb);
      out.println("                     " + a.slug());
    }
    out.println();
    out.println(items.size() + (items.size() == 1 ? " article" : " articles")
        + ". Read one: clinic-reader render SLUG");
  }

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
      // by default the byte generator writes a character outside the BMP as two escapes
      com.fasterxml.jackson.core.JsonFactory f = clinicreader.content.Json.MAPPER.getFactory().rebuild()
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
      try (JsonGenerator g = f.createGenerator(os, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
        writeJson(items, g);
      }
      os.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
      os.flush();
    } catch (java.io.IOException e) {
      // a closed pipe: the reader went away, as with the character writer
    }
    return true;
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
    for (ArticleMeta a : items) {
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
    g.writeEndArray();
  }

}
