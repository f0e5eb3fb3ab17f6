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
    // an array, not charAt: the client compiler leaves a call and a range check per char of a UTF-16 string
    char[] chars = body.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      // ASCII answered inline: the Character tables were a third of a cold library scan
      boolean space = c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)
          : Character.isWhitespace(c);
      if (space) {
        if (inWord && hasAlnum) count++;
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        if (c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            : Character.isLetterOrDigit(c)) {
          hasAlnum = true;
        }
      }
    }
    if (inWord && hasAlnum) count++;
    return count;
  }
}
