package clinicreader.search;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** What search knows of one article besides its words. */
record Doc(String slug, Path path, String title, LocalDate date, boolean draft, List<String> tags, String summary) {
  Doc {
    tags = List.copyOf(tags);
    summary = summary == null ? "" : summary;
  }

  /** Sends every word of the article's fields to {@code sink}, body words with their position. */
  void words(String body, FieldSink sink) {
    Tokenizer.scan(title, (buf, len, s, e) -> sink.word(buf, len, Field.TITLE, -1));
    for (String tag : tags) Tokenizer.scan(tag, (buf, len, s, e) -> sink.word(buf, len, Field.TAGS, -1));
    Tokenizer.scan(summary, (buf, len, s, e) -> sink.word(buf, len, Field.SUMMARY, -1));
    int[] pos = {0};
    Tokenizer.scan(BodyText.searchable(body), (buf, len, s, e) -> sink.word(buf, len, Field.BODY, pos[0]++));
  }

  /** Receives words with the field they are in and, for body words, their position. */
  interface FieldSink {
    void word(char[] buf, int len, Field field, int position);
  }
}
