package clinicreader.search;

import java.util.Comparator;

/**
 * One article that matched every word, with what ranks it: {@code score} counts the query words
 * found in the title, then tags, then summary (each a tier above the next), then all matches;
 * ties go to the earlier first body match, then the newer article, then the slug.
 */
record Hit(int doc, int score, int firstPosition, Field field) {
  static final int NO_POSITION = 0xFFFFF;

  /** Scores one article from its per-word field masks, counts and first body positions. */
  static Hit of(int doc, int words, int[] masks, int[] counts, int[] firsts) {
    int title = 0;
    int tags = 0;
    int summary = 0;
    long total = 0;
    int first = NO_POSITION;
    int any = 0;
    for (int i = 0; i < words; i++) {
      if (counts[i] == 0) return null;
      int m = masks[i];
      any |= m;
      if ((m & Field.TITLE.bit()) != 0) title++;
      if ((m & Field.TAGS.bit()) != 0) tags++;
      if ((m & Field.SUMMARY.bit()) != 0) summary++;
      total += counts[i];
      first = Math.min(first, firsts[i]);
    }
    int score = title * 100_000_000 + tags * 1_000_000 + summary * 10_000 + (int) Math.min(total, 9_999);
    return new Hit(doc, score, first, Field.best(any));
  }

  /** Best first, given each document's date and slug for the ties. */
  static Comparator<Hit> order(java.util.List<Doc> docs) {
    // one comparator instead of a chain of lambdas: sorting thousands of hits in a short run
    // spent most of its time in the chain's calls
    return (a, b) -> {
      if (a.score != b.score) return a.score > b.score ? -1 : 1;
      if (a.firstPosition != b.firstPosition) return a.firstPosition < b.firstPosition ? -1 : 1;
      Doc da = docs.get(a.doc);
      Doc db = docs.get(b.doc);
      java.time.LocalDate x = da.date();
      java.time.LocalDate y = db.date();
      // newer first, undated last
      if (x == null) {
        if (y != null) return 1;
      } else if (y == null) {
        return -1;
      } else {
        int c = y.compareTo(x);
        if (c != 0) return c;
      }
      return da.slug().compareTo(db.slug());
    };
  }
}
