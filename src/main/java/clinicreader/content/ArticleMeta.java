package clinicreader.content;

import java.nio.file.Path;

/**
 * What the library knows of an article without parsing its body: front matter, reading time
 * and the scanned outline.
 */
public record ArticleMeta(String slug, Path path, FrontMatter front, int words, Outline outline) {

  /** Words read per minute, for the reading time. */
  public static final int WORDS_PER_MINUTE = 200;

  public String title() {
    return front.title();
  }

  /** Words / 200, rounded up, at least one minute. */
  public int readingMinutes() {
    return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
  }

  /** Counts words: runs of non-space characters holding at least one letter or digit. */
  public static int countWords(String body) {
    int count = 0;
    boolean inWord = false;
    boolean hasAlnum = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord && hasAlnum) count++;
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        if (Character.isLetterOrDigit(c)) hasAlnum = true;
      }
    }
    if (inWord && hasAlnum) count++;
    return count;
  }
}
