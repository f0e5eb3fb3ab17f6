package clinicreader.check;

import clinicreader.content.Text;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A new article: its slug, made from the title, and its first text, a draft with complete front
 * matter and a skeleton of sections whose TODO placeholders {@code check} reports as warnings.
 */
public final class DraftTemplate {
  /** The longest slug made from a title. */
  public static final int MAX_SLUG = 60;

  private DraftTemplate() {}

  /**
   * The slug for a title: lowercase ASCII letters and digits, accents folded ("Café" gives
   * "cafe"), every other run of characters one '-', no '-' at either end, at most
   * {@link #MAX_SLUG} characters (cut at a word break when there is one). Empty when the title
   * has no Latin letters or digits.
   */
  public static String slug(String title) {
    if (title == null) return "";
    String folded = Normalizer.normalize(title, Normalizer.Form.NFKD)
        .replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe").replace("Œ", "oe")
        .replace("ø", "o").replace("Ø", "o").replace("đ", "d").replace("Đ", "d").replace("ł", "l")
        .replace("Ł", "l").replace("þ", "th").replace("Þ", "th").replace("ð", "d").replace("Ð", "d")
        .toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && sb.length() > 0) sb.append('-');
        sb.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    String s = sb.toString();
    if (s.length() > MAX_SLUG) {
      int cut = s.lastIndexOf('-', MAX_SLUG);
      s = cut >= MAX_SLUG / 2 ? s.substring(0, cut) : s.substring(0, MAX_SLUG);
      while (s.endsWith("-")) s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** The text of a new draft article. {@code cta} may be null (no line is written then). */
  public static String text(String title, List<String> tags, LocalDate date, String cta) {
    StringBuilder sb = new StringBuilder();
    sb.append("---\n");
    sb.append("title: ").append(quote(title)).append('\n');
    sb.append("date: ").append(date).append('\n');
    sb.append("author: \"TODO: author's name and credentials\"\n");
    sb.append("summary: \"TODO: one or two sentences telling readers what this article covers.\"\n");
    sb.append("tags: [");
    for (int i = 0; i < tags.size(); i++) sb.append(i == 0 ? "" : ", ").append(quote(tags.get(i)));
    sb.append("]\n");
    sb.append("related: []\n");
    if (cta != null && !cta.isBlank()) sb.append("cta: ").append(quote(cta)).append('\n');
    sb.append("draft: true\n");
    sb.append("---\n\n");
    sb.append("TODO: an opening paragraph: who this article is for and what they will learn.\n\n");
    for (String section : List.of("First section", "Second section", "Third section")) {
      sb.append("## ").append(section).append("\n\n");
      sb.append("TODO: write this section, or rename its heading.\n\n");
    }
    sb.append("## References\n\n");
    sb.append("1. TODO: the sources this article relies on.\n");
    return sb.toString();
  }

  /** A YAML double-quoted scalar; control characters become visible placeholders. */
  static String quote(String s) {
    String clean = Text.cleanLine(s == null ? "" : s).strip();
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (c == '"' || c == '\\') sb.append('\\');
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
