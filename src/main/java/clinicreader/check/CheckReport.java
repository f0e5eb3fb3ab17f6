package clinicreader.check;

import clinicreader.content.Json;
import clinicreader.content.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a check: the findings, sorted by file and position, and how many files were read. */
public record CheckReport(List<Problem> problems, int files) {

  /** File, then line, then column, then rule: the order a compiler prints in. */
  public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
      .thenComparingInt(Problem::line)
      .thenComparingInt(Problem::column)
      .thenComparing(p -> p.rule() == null ? "" : p.rule())
      .thenComparing(Problem::message);

  public CheckReport {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(ORDER);
    problems = List.copyOf(sorted);
  }

  /** Both reports together (for several paths checked in one run). */
  public CheckReport plus(CheckReport other) {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(other.problems);
    return new CheckReport(all.stream().distinct().toList(), files + other.files);
  }

  public long errors() {
    return problems.stream().filter(Problem::isError).count();
  }

  public long warnings() {
    return problems.size() - errors();
  }

  public boolean hasErrors() {
    return errors() > 0;
  }

  /** "checked 9 files: 2 errors, 1 warning". */
  public String summary() {
    return "checked " + plural(files, "file") + ": " + plural(errors(), "error") + ", " + plural(warnings(), "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The same findings and counts as JSON. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("files", files);
    root.put("errors", errors());
    root.put("warnings", warnings());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("severity", p.severity().label());
      m.put("rule", p.rule());
      m.put("message", p.message());
      list.add(m);
    }
    root.put("findings", list);
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
