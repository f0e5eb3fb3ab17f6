package clinicreader.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast reader for the flat front matter articles use ({@code key: value} lines, plain or
 * quoted text, {@code [a, b]} lists), so the common case does not start the YAML parser.
 * It accepts only text whose meaning is certain and that the full parser would accept without
 * a problem; for anything else (comments, indentation, escapes, numbers, empty values, a missing
 * title or a bad date, ...) it returns {@code null} and the caller uses the full parser, which
 * alone reports problems. It must give exactly the full parser's result when it answers.
 */
final class QuickFrontMatter {
  private QuickFrontMatter() {}

  /** The front matter of {@code yaml} (the lines between the two {@code ---}), or null to use the full parser. */
  static FrontMatter read(String yaml) {
    if (yaml.isEmpty() || yaml.length() > 16 * 1024) return null;
    Map<String, Object> values = new HashMap<>();
    Map<String, Integer> keyLines = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    int pos = 0;
    int line = 2; // the file's line: the first is '---'
    int n = yaml.length();
    while (pos < n) {
      int end = yaml.indexOf('\n', pos);
      if (end < 0) end = n;
      if (end > pos) {
        Object[] kv = entry(yaml, pos, end);
        if (kv == null) return null;
        String key = (String) kv[0];
        if (values.containsKey(key)) return null;
        values.put(key, kv[1]);
        keyLines.put(key, line);
        if (!isKnown(key)) unknown.add(key);
      }
      pos = end + 1;
      line++;
    }
    if (!(values.get("title") instanceof String title) || title.isBlank()) return null;
    if (!(values.get("date") instanceof String dateText)) return null;
    LocalDate date;
    String iso = dateText.trim();
    try {
      // the usual YYYY-MM-DD read by hand: the parser's formatter was a tenth of reading a front matter
      date = isIsoDate(iso) ? LocalDate.of(number(iso, 0, 4), number(iso, 5, 7), number(iso, 8, 10)) : LocalDate.parse(iso);
    } catch (java.time.DateTimeException e) {
      return null;
    }
    Object author = values.get("author");
    Object summary = values.get("summary");
    Object cta = values.get("cta");
    if (author instanceof List || summary instanceof List || cta instanceof List) return null;
    List<String> tags = list(values.get("tags"));
    List<String> related = list(values.get("related"));
    Object draftValue = values.get("draft");
    boolean draft = false;
    if (draftValue != null) {
      if (!(draftValue instanceof String d)) return null;
      String s = d.strip().toLowerCase(java.util.Locale.ROOT);
      if (s.equals("true") || s.equals("yes") || s.equals("on")) draft = true;
      else if (!(s.equals("false") || s.equals("no") || s.equals("off"))) return null;
    }
    return new FrontMatter(title.strip(), date, (String) author, (String) summary, tags, related, (String) cta,
        draft, keyLines, unknown);
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object v) {
    if (v == null) return List.of();
    if (v instanceof String s) return s.isBlank() ? List.of() : List.of(s.strip());
    return (List<String>) v;
  }

  /**
   * The key {@code s[from, to)}: the one String of a known key (every article's entry keeps its
   * keys, thousands of copies of the same few words in a large library), else a new one.
   */
  private static String known(String s, int from, int to) {
    for (String k : KNOWN) {
      if (k.length() == to - from && s.startsWith(k, from)) return k;
    }
    return s.substring(from, to);
  }

  private static final String[] KNOWN = FrontMatter.KNOWN_KEYS.toArray(new String[0]);

  /** Whether the key is a known one ({@link #known} gives a known key as its one String). */
  private static boolean isKnown(String key) {
    for (String k : KNOWN) if (k == key) return true;
    return false;
  }

  /** One line {@code key: value} as {key, String or List}, or null when it is not certainly simple. */
  private static Object[] entry(String s, int from, int to) {
    int i = from;
    char c = s.charAt(i);
    if (!isAsciiLetter(c)) return null;
    while (i < to && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-')) i++;
    if (i + 1 >= to || s.charAt(i) != ':' || s.charAt(i + 1) != ' ') return null;
    String key = known(s, from, i);
    int vs = i + 2;
    int ve = to;
    while (vs < ve && s.charAt(vs) == ' ') vs++;
    while (ve > vs && s.charAt(ve - 1) == ' ') ve--;
    if (vs >= ve || !printable(s, vs, ve)) return null;
    char first = s.charAt(vs);
    Object value;
    if (first == '"' || first == '\'') value = quoted(s, vs, ve);
    else if (first == '[') value = flowList(s, vs, ve);
    else value = plain(s, vs, ve, key.equals("date"), key.equals("draft"));
    return value == null ? null : new Object[] {key, value};
  }

  /** "..." without escapes, or '...' without inner quotes: the text between. */
  private static String quoted(String s, int from, int to) {
    char q = s.charAt(from);
    if (to - from < 2 || s.charAt(to - 1) != q) return null;
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') return null;
    }
    return s.substring(from + 1, to - 1);
  }

  /** [a, b, c] of plain words, or []. */
  private static List<String> flowList(String s, int from, int to) {
    if (s.charAt(to - 1) != ']') return null;
    List<String> out = new ArrayList<>();
    int i = from + 1;
    int end = to - 1;
    while (i < end && s.charAt(i) == ' ') i++;
    if (i == end) return out;
    while (true) {
      int comma = s.indexOf(',', i);
      int itemEnd = comma < 0 || comma > end ? end : comma;
      int a = i;
      int b = itemEnd;
      while (a < b && s.charAt(a) == ' ') a++;
      while (b > a && s.charAt(b - 1) == ' ') b--;
      if (a == b) return null;
      for (int k = a; k < b; k++) {
        char c = s.charAt(k);
        if (!(isAsciiLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '/' || c == '.' || c == ' ')) return null;
      }
      String item = s.substring(a, b);
      if (!isAsciiLetter(item.charAt(0)) || typedWord(item)) return null;
      out.add(item);
      if (itemEnd == end) return out;
      i = itemEnd + 1;
    }
  }

  /**
   * A plain scalar that YAML reads as this same text: it starts with a letter (or is an ISO date
   * for {@code date}, or a yes/no word for {@code draft}), holds no ': ' or ' #', and is not a
   * word YAML would read as a boolean or null.
   */
  private static String plain(String s, int from, int to, boolean date, boolean draft) {
    String v = s.substring(from, to);
    if (date) return isIsoDate(v) ? v : null;
    if (!Character.isLetter(v.codePointAt(0))) return null;
    if (v.contains(": ") || v.contains(" #") || v.endsWith(":")) return null;
    if (draft) return v;
    return typedWord(v) ? null : v;
  }

  /** Words a YAML reader may turn into a boolean or null. */
  private static boolean typedWord(String v) {
    String l = v.toLowerCase(java.util.Locale.ROOT);
    return switch (l) {
      case "true", "false", "yes", "no", "on", "off", "y", "n", "null" -> true;
      default -> false;
    };
  }

  /** The decimal digits {@code s[from, to)} as a number. */
  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) n = n * 10 + (s.charAt(i) - '0');
    return n;
  }

  private static boolean isIsoDate(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') return false;
    for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && !isDigit(v.charAt(i))) return false;
    return true;
  }

  /** No control, line-breaking or non-printable characters, and no broken surrogate pairs. */
  private static boolean printable(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
          || c == '\uFFFE' || c == '\uFFFF') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= to || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
