package clinicreader.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An article's front matter. {@code keyLines} maps each key present to its 1-based line in
 * the file, so later checks can point at it; {@code unknownKeys} lists keys we do not know.
 */
public record FrontMatter(
    String title,
    LocalDate date,
    String author,
    String summary,
    List<String> tags,
    List<String> related,
    String cta,
    boolean draft,
    Map<String, Integer> keyLines,
    List<String> unknownKeys) {

  /** The keys an article may have. */
  public static final List<String> KNOWN_KEYS =
      List.of("title", "date", "author", "summary", "tags", "related", "cta", "draft");

  public FrontMatter {
    title = Text.cleanLine(title);
    author = Text.cleanLine(author);
    summary = Text.cleanLine(summary);
    cta = Text.cleanLine(cta);
    tags = cleaned(tags);
    related = cleaned(related);
    keyLines = keyLines == null ? Map.of() : Map.copyOf(keyLines);
    unknownKeys = cleaned(unknownKeys);
  }

  /**
   * Each text of the list cleaned, in a list that cannot be changed (nulls kept). A loop rather
   * than a stream: a first list of 10,000 articles makes three of these per article.
   */
  private static List<String> cleaned(List<String> texts) {
    if (texts == null || texts.isEmpty()) return List.of();
    String[] out = new String[texts.size()];
    int i = 0;
    for (String t : texts) out[i++] = Text.cleanLine(t);
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
  }

  /** The line of {@code key} in the file, or the given fallback. */
  public int lineOf(String key, int fallback) {
    return keyLines.getOrDefault(key, fallback);
  }
}
