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
    // an array, not charAt: the client compiler leaves a call and a range check per char of a
    // UTF-16 string; one buffer per thread, not a copy per article
    int n = body.length();
    char[] chars = BUFFER.get();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
      // a big text's buffer is not kept
      if (chars.length <= 1 << 20) BUFFER.set(chars);
    }
    body.getChars(0, n, chars, 0);
    byte[] kinds = KINDS;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      // ASCII answered inline, other chars from a table filled as they are met: the Character
      // tables were a third of a cold library scan
      int kind;
      if (c < 0x80) {
        kind = c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) ? SPACE
            : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? ALNUM : OTHER;
      } else {
        kind = kinds[c];
        if (kind == 0) kind = kinds[c] = kindOf(c);
      }
      if (kind == SPACE) {
        if (inWord && hasAlnum) count++;
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        if (kind == ALNUM) hasAlnum = true;
      }
    }
    if (inWord && hasAlnum) count++;
    return count;
  }

  private static final byte SPACE = 1;
  private static final byte ALNUM = 2;
  private static final byte OTHER = 3;
  /** The kind of every char met so far (0: not yet looked up); racing writers write the same value. */
  private static final byte[] KINDS = new byte[0x10000];
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[1 << 14]);

  /** Whether {@link #countWords} takes a char outside ASCII as a space (1), a letter or digit (2) or else (3). */
  static int kind(char c) {
    int kind = KINDS[c];
    if (kind == 0) kind = KINDS[c] = kindOf(c);
    return kind;
  }

  private static byte kindOf(char c) {
    // CJK ideographs answered without Character's tables (met by the thousand, each asked once,
    // mostly before the client compiler has compiled the lookups); no space is above U+3000
    if (c >= 0x4E00 && c <= 0x9FFC) return ALNUM;
    if (c > 0x3000) return Character.isLetterOrDigit(c) ? ALNUM : OTHER;
    return Character.isWhitespace(c) ? SPACE : Character.isLetterOrDigit(c) ? ALNUM : OTHER;
  }
}
