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
    tags = tags == null ? List.of() : tags.stream().map(Text::cleanLine).toList();
    related = related == null ? List.of() : related.stream().map(Text::cleanLine).toList();
    keyLines = keyLines == null ? Map.of() : Map.copyOf(keyLines);
    unknownKeys = unknownKeys == null ? List.of() : unknownKeys.stream().map(Text::cleanLine).toList();
  }

  /** The line of {@code key} in the file, or the given fallback. */
  public int lineOf(String key, int fallback) {
    return keyLines.getOrDefault(key, fallback);
  }
}
