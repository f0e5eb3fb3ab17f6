import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timing files of one benchmark figure and prints the median of each command.
 *
 * <p>{@code java bench/Report.java median FILE.json...}: every run time of every command found
 * in hyperfine's JSON exports (one per round), pooled per command; prints one line per command,
 * in order of first appearance: {@code median_ms<TAB>runs<TAB>command}.
 */
public final class Report {
  private static final Pattern COMMAND = Pattern.compile("\"command\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TIMES = Pattern.compile("\"times\"\\s*:\\s*\\[([^\\]]*)\\]");

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || !args[0].equals("median")) {
      System.err.println("usage: java Report.java median FILE.json...");
      System.exit(2);
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String json = Files.readString(Path.of(args[i]));
      Matcher c = COMMAND.matcher(json);
      Matcher t = TIMES.matcher(json);
      int from = 0;
      while (c.find(from)) {
        if (!t.find(c.end())) break;
        List<Double> list = times.computeIfAbsent(c.group(1), k -> new ArrayList<>());
        for (String v : t.group(1).split(",")) {
          if (!v.isBlank()) list.add(Double.parseDouble(v.trim()) * 1000.0);
        }
        from = t.end();
      }
    }
    for (Map.Entry<String, List<Double>> e : times.entrySet()) {
      System.out.printf(Locale.ROOT, "%.1f\t%d\t%s%n", median(e.getValue()), e.getValue().size(), e.getKey());
    }
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
