package clinicreader.cli;

import clinicreader.content.ArticleMeta;
import clinicreader.content.ContentException;
import clinicreader.content.Library;
import clinicreader.content.Outline;
import clinicreader.layout.Cells;
import clinicreader.layout.PageLayout;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Library lib = Library.open(library.directory(), library.maxBytes);
      lib.warnings().forEach(p -> err.println(p.brief()));
      List<ArticleMeta> items = select(lib, library.drafts, tag, sort);
      if (json) {
        out.println(toJson(items));
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
    return lib.visible(drafts).stream()
        .filter(a -> tag == null || a.front().tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)))
        .sorted(sort.comparator())
        .toList();
  }

  /** The plain list, used when the reader cannot start (no terminal). */
  static int listPlain(LibraryOptions opts, PrintWriter out, PrintWriter err) {
    try {
      Library lib = Library.open(opts.directory(), opts.maxBytes);
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
    List<Map<String, Object>> list = new ArrayList<>();
    for (ArticleMeta a : items) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slug", a.slug());
      m.put("title", a.title());
      m.put("date", a.front().date() == null ? null : a.front().date().toString());
      m.put("readingMinutes", a.readingMinutes());
      m.put("author", a.front().author());
      m.put("tags", a.front().tags());
      m.put("summary", a.front().summary());
      m.put("path", clinicreader.content.Problem.display(a.path()));
      m.put("draft", a.front().draft());
      List<Map<String, Object>> sections = new ArrayList<>();
      for (Outline.Section s : a.outline().sections()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("number", s.number());
        sm.put("level", s.level());
        sm.put("title", s.title());
        sm.put("anchor", s.anchor());
        sections.add(sm);
      }
      m.put("sections", sections);
      list.add(m);
    }
    try {
      return clinicreader.content.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

}
