package clinicreader.cli;

import clinicreader.content.ContentException;
import clinicreader.content.Json;
import clinicreader.content.Problem;
import clinicreader.layout.Cells;
import clinicreader.layout.Line;
import clinicreader.layout.LineWriter;
import clinicreader.layout.Span;
import clinicreader.layout.Style;
import clinicreader.layout.Theme;
import clinicreader.layout.Tone;
import clinicreader.search.LibraryScan;
import clinicreader.search.Location;
import clinicreader.search.Query;
import clinicreader.search.Result;
import clinicreader.search.Snippet;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinic-reader search QUERY...}: the articles matching every word, best first. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Search titles, tags, summaries and text for the articles that match every word.",
        "A word matches the start of a word (\"insur\" finds \"insurance\"), ignoring case and accents. "
            + "Title matches rank first.",
        "Exit 0 when something matched, 1 when nothing did, 2 on a usage error."})
public final class SearchCommand implements Callable<Integer> {
  /** Results shown when --limit is not given. */
  static final int DEFAULT_LIMIT = 20;
  private static final String INDENT = "    ";

  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;
  @Mixin ColorOptions colors;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to find (all of them).")
  List<String> words;

  @Option(names = "--json", description = "Print JSON: slug, title, path, section {number, title, anchor}, "
      + "snippet, matches [{start, end}] (UTF-16 offsets into the snippet), score.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
      description = "Show at most N results (default: ${DEFAULT-VALUE}; 0 shows all).")
  int limit = DEFAULT_LIMIT;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the command with its fields set (by picocli, or by {@link QuickParser}). */
  Integer run(PrintWriter out, PrintWriter err) {
    Query query = Query.parse(String.join(" ", words));
    if (query.isEmpty()) {
      err.println("clinic-reader: search: give at least one word with letters or digits");
      return Main.USAGE;
    }
    if (limit < 0) {
      err.println("clinic-reader: search: --limit must be 0 or more");
      return Main.USAGE;
    }
    Theme theme = colors.resolveTheme();
    if (theme == null) {
      err.println("clinic-reader: unknown theme '" + clinicreader.content.Text.cleanLine(colors.theme)
          + "'; choose one of " + String.join(", ", Theme.NAMES));
      return Main.USAGE;
    }
    LibraryScan.Outcome found;
    try {
      found = LibraryScan.begin(library.directory(), library.maxBytes, library.drafts, query,
          clinicreader.search.WordStore.userDefault());
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Main.CONTENT_PROBLEM;
    }
    for (Problem p : found.warnings()) err.println(p.brief());
    List<Result> all = found.results();
    List<Result> shown = limit == 0 || all.size() <= limit ? all : all.subList(0, limit);
    if (json) {
      found.prepare(0, shown.size());
      out.println(toJson(shown));
    } else {
      print(out, query, all.size(), shown, colors.format(), theme, found);
    }
    out.flush();
    // what was parsed for the snippets is stored for the next search
    found.finish();
    return all.isEmpty() ? Main.CONTENT_PROBLEM : Main.OK;
  }

  /**
   * Results are printed as their snippets are ready, a stretch at a time: a first search that
   * shows thousands parses each article shown (about a millisecond each), and the first rows
   * need not wait for the last.
   */
  private static final int FIRST_STRETCH = DEFAULT_LIMIT;
  private static final int STRETCH = 256;

  private static void print(PrintWriter out, Query query, int total, List<Result> shown, LineWriter.Format format,
      Theme theme, LibraryScan.Outcome found) {
    if (total == 0) {
      out.println("No articles match \"" + clinicreader.content.Text.cleanLine(query.text().strip()) + "\".");
      return;
    }
    int columns = Math.max(40, Math.min(Console.width(), 120));
    int width = columns - INDENT.length();
    StringBuilder sb = new StringBuilder();
    int ready = 0;
    for (int i = 0; i < shown.size(); i++) {
      if (i == ready) {
        if (sb.length() > 0) {
          out.print(sb);
          out.flush();
          sb.setLength(0);
          // the reading end went away (| head): the rest would be parsed for nobody
          if (out.checkError()) return;
        }
        ready = Math.min(shown.size(), i + (i == 0 ? FIRST_STRETCH : STRETCH));
        found.prepare(i, ready);
      }
      Result r = shown.get(i);
      List<Span> title = new ArrayList<>(highlighted(r.title(), r.titleMatches(), Style.of(Tone.TITLE)));
      if (r.draft()) title.add(0, new Span("[DRAFT] ", Style.of(Tone.DRAFT)));
      Span slug = new Span("  " + r.slug(), Style.of(Tone.META));
      // a title or heading may be thousands of characters: cut it, keeping the slug to type
      title = fit(title, Math.max(columns / 2, columns - Cells.width(slug.text())));
      title.add(slug);
      title = fit(title, columns);
      line(sb, title, format, theme);
      Location loc = r.location();
      if (loc.hasSection()) {
        line(sb, fit(List.of(new Span(INDENT + loc.sectionLabel(), Style.of(Tone.HEADING))), columns), format, theme);
      }
      Snippet s = r.snippet(width);
      if (!s.text().isEmpty()) {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(INDENT, Style.PLAIN));
        spans.addAll(highlighted(s.text(), s.matches(), Style.PLAIN));
        line(sb, spans, format, theme);
      }
      sb.append('\n');
    }
    out.print(sb);
    String more = shown.size() < total ? " (showing " + shown.size() + "; see more with --limit N)" : "";
    out.println(total + (total == 1 ? " article matches" : " articles match") + more
        + ". Read one: clinic-reader render SLUG");
  }

  private static void line(StringBuilder sb, List<Span> spans, LineWriter.Format format, Theme theme) {
    LineWriter.line(sb, new Line(spans, -1), format, theme);
    sb.append('\n');
  }

  /** {@code spans} cut to at most {@code max} display columns, ending in "…" when cut. */
  static List<Span> fit(List<Span> spans, int max) {
    int total = 0;
    for (Span sp : spans) total += Cells.width(sp.text());
    if (total <= max) return new ArrayList<>(spans);
    List<Span> out = new ArrayList<>();
    int used = 0;
    for (Span sp : spans) {
      StringBuilder kept = new StringBuilder();
      for (String cluster : Cells.clusters(sp.text())) {
        int w = Cells.clusterWidth(cluster);
        if (used + w > max - 1) {
          kept.append('\u2026');
          out.add(new Span(kept.toString(), sp.style()));
          return out;
        }
        kept.append(cluster);
        used += w;
      }
      out.add(new Span(kept.toString(), sp.style()));
    }
    return out;
  }

  /** {@code text} as spans, the ranges in the match style. */
  static List<Span> highlighted(String text, List<Snippet.Range> ranges, Style base) {
    List<Span> out = new ArrayList<>();
    int at = 0;
    for (Snippet.Range r : ranges) {
      if (r.start() < at) continue;
      if (r.start() > at) out.add(new Span(text.substring(at, r.start()), base));
      out.add(new Span(text.substring(r.start(), r.end()), Style.of(Tone.MATCH)));
      at = r.end();
    }
    if (at < text.length()) out.add(new Span(text.substring(at), base));
    return out;
  }

  static String toJson(List<Result> results) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Result r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slug", r.slug());
      m.put("title", r.title());
      m.put("path", Problem.display(r.path()));
      m.put("date", r.date() == null ? null : r.date().toString());
      m.put("field", r.field().name().toLowerCase(java.util.Locale.ROOT));
      Location loc = r.location();
      if (loc.hasSection()) {
        Map<String, Object> sec = new LinkedHashMap<>();
        sec.put("number", loc.sectionNumber());
        sec.put("title", loc.sectionTitle());
        sec.put("anchor", loc.anchor());
        m.put("section", sec);
      } else {
        m.put("section", null);
      }
      Snippet s = r.snippet();
      m.put("snippet", s.text());
      List<Map<String, Object>> matches = new ArrayList<>();
      for (Snippet.Range range : s.matches()) {
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("start", range.start());
        mm.put("end", range.end());
        matches.add(mm);
      }
      m.put("matches", matches);
      m.put("score", r.score());
      list.add(m);
    }
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
