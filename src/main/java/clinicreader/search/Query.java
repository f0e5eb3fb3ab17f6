package clinicreader.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed query: its folded words, each matched as the start of a word in the article
 * ("insur" finds "insurance"); an article must contain all of them.
 */
public record Query(String text, List<String> words) {
  /** More words than this are ignored: a search box is not a document. */
  public static final int MAX_WORDS = 16;

  public Query {
    words = List.copyOf(words);
  }

  /** Parses what the user typed; repeated words count once. */
  public static Query parse(String text) {
    String t = text == null ? "" : text;
    List<String> words = new ArrayList<>();
    Tokenizer.scan(t, (buf, len, start, end) -> {
      String w = new String(buf, 0, len);
      if (words.size() < MAX_WORDS && !words.contains(w)) words.add(w);
    });
    // a word that is the prefix of another adds nothing to an AND of prefixes
    List<String> kept = new ArrayList<>();
    for (String w : words) {
      boolean covered = false;
      for (String o : words) if (!o.equals(w) && o.startsWith(w)) covered = true;
      if (!covered) kept.add(w);
    }
    return new Query(t, kept);
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }
}
