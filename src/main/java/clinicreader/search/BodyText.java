package clinicreader.search;

/**
 * A Markdown body reduced, by a light scan and without parsing, to what a reader sees for
 * matching: link and image destinations, link reference definitions, HTML comments and tags
 * are blanked out; the rest (emphasis markers, list bullets) is punctuation to the tokenizer.
 */
final class BodyText {
  private BodyText() {}

  static String searchable(String body) {
    int n = body.length();
    if (body.indexOf("](") < 0 && body.indexOf('<') < 0 && body.indexOf("]:") < 0) return body;
    StringBuilder sb = new StringBuilder(n);
    // an array and kept runs copied whole: a call per char was most of a search's scan
    char[] a = body.toCharArray();
    int i = 0;
    int run = 0;
    boolean lineStart = true;
    while (i < n) {
      char c = a[i];
      if (lineStart && (c == ' ' || c == '[') && isReferenceDefinition(body, i)) {
        sb.append(a, run, i - run);
        int end = body.indexOf('\n', i);
        i = end < 0 ? n : end;
        run = i;
        lineStart = false;
        continue;
      }
      lineStart = c == '\n';
      if (c == ']' && i + 1 < n && a[i + 1] == '(') {
        int end = destinationEnd(body, i + 2);
        if (end > 0) {
          sb.append(a, run, i - run).append(' ');
          i = end;
          run = i;
          continue;
        }
      } else if (c == '<' && i + 1 < n) {
        int end = tagEnd(body, i);
        if (end > 0) {
          sb.append(a, run, i - run).append(' ');
          i = end;
          run = i;
          continue;
        }
      }
      i++;
    }
    sb.append(a, run, n - run);
    return sb.toString();
  }

  /** "[label]: destination" at the start of a line (after up to three spaces). */
  private static boolean isReferenceDefinition(String s, int i) {
    int n = s.length();
    int j = i;
    while (j < n && j - i < 3 && s.charAt(j) == ' ') j++;
    if (j >= n || s.charAt(j) != '[') return false;
    int close = s.indexOf(']', j + 1);
    int nl = s.indexOf('\n', j);
    if (close < 0 || (nl >= 0 && close > nl)) return false;
    return close + 1 < n && s.charAt(close + 1) == ':';
  }

  /** The end (after ')') of a link destination starting at {@code i}, or -1. */
  private static int destinationEnd(String s, int i) {
    int depth = 0;
    int n = s.length();
    for (int j = i; j < n && j - i < 2048; j++) {
      char c = s.charAt(j);
      if (c == '\n' && j + 1 < n && s.charAt(j + 1) == '\n') return -1;
      if (c == '(') depth++;
      else if (c == ')') {
        if (depth == 0) return j + 1;
        depth--;
      }
    }
    return -1;
  }

  /** The end of an HTML tag or comment starting at {@code i}, or -1; autolinks are kept as text. */
  private static int tagEnd(String s, int i) {
    int n = s.length();
    if (s.startsWith("<!--", i)) {
      int end = s.indexOf("-->", i + 4);
      return end < 0 ? -1 : end + 3;
    }
    char c = s.charAt(i + 1);
    if (!(Character.isLetter(c) || c == '/')) return -1;
    int j = i + 1;
    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || "+.-/".indexOf(s.charAt(j)) >= 0)) j++;
    if (j < n && (s.charAt(j) == ':' || s.charAt(j) == '@')) return -1;
    for (; j < n && j - i < 512; j++) {
      char d = s.charAt(j);
      if (d == '>') return j + 1;
      if (d == '<' || d == '\n' && j + 1 < n && s.charAt(j + 1) == '\n') return -1;
    }
    return -1;
  }
}
