package clinicreader.search;

import clinicreader.content.ArticleFiles;
import clinicreader.content.Library;
import java.nio.file.Path;
import java.util.List;

/**
 * Times index building and search as you type on a library, by hand (never run as a test):
 * {@code SearchTiming DIR WORD...}. Prints the build time and, for each prefix of the query as
 * if typed, the median time of a query plus the snippets of the first 20 results.
 */
public final class SearchTiming {
  private SearchTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String typed = String.join(" ", List.of(args).subList(1, args.length));
    long t0 = System.nanoTime();
    Library lib = Library.open(dir, ArticleFiles.DEFAULT_MAX_BYTES);
    long t1 = System.nanoTime();
    SearchIndex index = SearchIndex.build(lib, false);
    long t2 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf("library %d ms, index %d ms: %d articles, %d words, heap %d MB%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, index.size(), index.words(),
        (rt.totalMemory() - rt.freeMemory()) >> 20);
    for (int round = 0; round < 3; round++) {
      for (int len = 1; len <= typed.length(); len++) {
        String q = typed.substring(0, len);
        long[] times = new long[7];
        int found = 0;
        for (int k = 0; k < times.length; k++) {
          long s = System.nanoTime();
          List<Result> rs = index.query(q);
          for (int r = 0; r < Math.min(20, rs.size()); r++) rs.get(r).snippet(100);
          times[k] = System.nanoTime() - s;
          found = rs.size();
        }
        java.util.Arrays.sort(times);
        if (round == 2) System.out.printf("%-24s %6d results  %7.2f ms%n", "\"" + q + "\"", found, times[3] / 1e6);
      }
    }
  }
}
