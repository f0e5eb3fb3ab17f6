package clinicreader.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Splits an article into front matter and body and reads the front matter safely: YAML is read
 * as a plain tree (no class is ever instantiated from it); tags, anchors, aliases, duplicate
 * keys, deep nesting and huge documents are refused with a located message.
 */
public final class FrontMatterParser {
  private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
  /** Lists and maps inside lists and maps: articles need one level; far below any stack limit. */
  private static final int MAX_DEPTH = 20;

  /** The YAML reader, made only when some front matter needs it (see {@link QuickFrontMatter}). */
  private static final class Full {
    static final YAMLFactory YAML;
    static final ObjectMapper MAPPER;

    static {
      LoaderOptions lo = new LoaderOptions();
      lo.setCodePointLimit(MAX_FRONT_MATTER_CHARS * 2);
      lo.setNestingDepthLimit(20);
      lo.setAllowDuplicateKeys(false);
      lo.setMaxAliasesForCollections(0);
      YAML = YAMLFactory.builder().loaderOptions(lo).build();
      MAPPER = new ObjectMapper(YAML);
    }
  }

  private FrontMatterParser() {}

  /** The text split in two: the YAML and the Markdown body, with the body's first line. */
  public record Split(String yaml, String body, int bodyLine) {}

  /**
   * Splits {@code text}. The front matter must start on the first line with {@code ---} and
   * end with a line {@code ---} (or {@code ...}).
   */
  public static Split split(Path file, String text) throws ContentException {
    if (!(text.startsWith("---\n") || text.equals("---") || text.startsWith("--- \n"))) {
      throw new ContentException(Problem.error(file, 1, 1,
          "no front matter: start the file with a line '---', then 'title:' and 'date:', then '---'",
          "front-matter"));
    }
    int pos = text.indexOf('\n') + 1;
    int line = 2;
    while (pos > 0 && pos <= text.length()) {
      int end = text.indexOf('\n', pos);
      String l = end < 0 ? text.substring(pos) : text.substring(pos, end);
      String t = l.stripTrailing();
      if (t.equals("---") || t.equals("...")) {
        String yaml = text.substring(text.indexOf('\n') + 1, pos);
        String body = end < 0 ? "" : text.substring(end + 1);
        return new Split(yaml, body, line + 1);
      }
      if (end < 0) break;
      pos = end + 1;
      line++;
    }
    throw new ContentException(Problem.error(file, 1, 1,
        "front matter is not closed: add a line '---' after the last 'key: value' line", "front-matter"));
  }

  /** Reads the front matter of {@code text} (the whole file). */
  public static FrontMatter parse(Path file, Split split) throws ContentException {
    // the usual flat front matter without starting the YAML parser; anything else, and every
    // problem, goes through the full reader
    FrontMatter quick = QuickFrontMatter.read(split.yaml());
    return quick != null ? quick : full(file, split);
  }

  /** Reads the front matter with the YAML parser (package-private: tests compare the two readers). */
  static FrontMatter full(Path file, Split split) throws ContentException {
    String yaml = split.yaml();
    if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
      throw new ContentException(Problem.error(file, 2, 1,
          "front matter is larger than 64 KB: keep it to a few short fields", "front-matter"));
    }
    Map<String, JsonNode> values = new HashMap<>();
    Map<String, int[]> where = new HashMap<>();
    List<String> order = new ArrayList<>();
    try (JsonParser p = Full.YAML.createParser(yaml)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        // empty front matter: every required field is missing
      } else if (first != JsonToken.START_OBJECT) {
        throw located(file, p.currentTokenLocation(), "front matter must be 'key: value' lines");
      } else {
        // a tag or anchor on the whole front matter is refused like one on any value
        refuseYamlFeatures(file, (YAMLParser) p);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation keyLoc = p.currentTokenLocation();
          p.nextToken();
          refuseYamlFeatures(file, (YAMLParser) p);
          JsonLocation valLoc = p.currentTokenLocation();
          JsonNode value = readValue(file, (YAMLParser) p, 1);
          values.put(key, value);
          where.put(key, new int[] {fileLine(keyLoc), fileColumn(valLoc)});
          order.add(key);
        }
        if (t != JsonToken.END_OBJECT) {
          throw located(file, p.currentTokenLocation(), "front matter must be 'key: value' lines");
        }
      }
    } catch (JsonProcessingException e) {
      throw located(file, e.getLocation(), yamlMessage(e));
    } catch (IOException e) {
      throw new ContentException(Problem.error(file, 2, 1, "cannot read front matter: " + e.getMessage(), "front-matter"));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      throw new ContentException(Problem.error(file, m == null ? 2 : m.getLine() + 2,
          m == null ? 1 : m.getColumn() + 1, "invalid YAML: " + e.getProblem(), "front-matter"));
    } catch (RuntimeException e) {
      // SnakeYAML reports its limits (code points, nesting, aliases) as runtime exceptions
      throw new ContentException(Problem.error(file, 2, 1,
          "front matter refused: " + firstLine(e.getMessage()), "front-matter"));
    }

    Map<String, Integer> keyLines = new HashMap<>();
    where.forEach((k, v) -> keyLines.put(k, v[0]));
    String title = text(file, values, where, "title");
    if (title == null || title.isBlank()) {
      throw new ContentException(Problem.error(file, where.containsKey("title") ? where.get("title")[0] : 2,
          where.containsKey("title") ? where.get("title")[1] : 1,
          "title: missing; add a line 'title: Your title' to the front matter", "front-matter"));
    }
    String dateText = text(file, values, where, "date");
    if (dateText == null) {
      throw new ContentException(Problem.error(file, 2, 1,
          "date: missing; add a line 'date: 2026-01-31' (ISO date) to the front matter", "front-matter"));
    }
    LocalDate date;
    try {
      date = LocalDate.parse(dateText.trim());
    } catch (DateTimeParseException e) {
      int[] w = where.get("date");
      throw new ContentException(Problem.error(file, w[0], w[1],
          "date: not a date \"" + Text.cleanLine(dateText) + "\"; write it as YYYY-MM-DD", "front-matter"));
    }
    List<String> unknown = new ArrayList<>();
    for (String k : order) if (!FrontMatter.KNOWN_KEYS.contains(k)) unknown.add(k);
    return new FrontMatter(
        title.strip(),
        date,
        text(file, values, where, "author"),
        text(file, values, where, "summary"),
        list(file, values, where, "tags"),
        list(file, values, where, "related"),
        text(file, values, where, "cta"),
        bool(file, values, where, "draft"),
        keyLines,
        unknown);
  }

  private static void refuseYamlFeatures(Path file, YAMLParser p) throws ContentException, IOException {
    if (p.getTypeId() != null) {
      throw located(file, p.currentTokenLocation(),
          "YAML tags like '" + tagName(p.getTypeId()) + "' are not allowed: write plain values");
    }
    if (p.getObjectId() != null) {
      throw located(file, p.currentTokenLocation(), "YAML anchors ('&') are not allowed: write values out in full");
    }
    if (p.isCurrentAlias()) {
      throw located(file, p.currentTokenLocation(), "YAML aliases ('*') are not allowed: write values out in full");
    }
  }

  /** A tag as the author wrote it: the parser expands '!!x' to 'tag:yaml.org,2002:x'. */
  private static String tagName(String typeId) {
    String t = typeId.startsWith("tag:yaml.org,2002:") ? "!!" + typeId.substring(18)
        : typeId.startsWith("!") ? typeId : "!" + typeId;
    return Text.cleanLine(t.length() > 80 ? t.substring(0, 80) + "\u2026" : t);
  }

  /** Reads one value (scalar, list or map), refusing tags, anchors and aliases anywhere in it. */
  private static JsonNode readValue(Path file, YAMLParser p, int depth) throws IOException, ContentException {
    JsonToken t = p.currentToken();
    if ((t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) && depth > MAX_DEPTH) {
      throw located(file, p.currentTokenLocation(),
          "front matter is nested too deeply: use plain values and simple lists like [a, b]");
    }
    if (t == JsonToken.START_ARRAY) {
      var arr = Full.MAPPER.createArrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        refuseYamlFeatures(file, p);
        arr.add(readValue(file, p, depth + 1));
      }
      return arr;
    }
    if (t == JsonToken.START_OBJECT) {
      var obj = Full.MAPPER.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        refuseYamlFeatures(file, p);
        obj.set(name, readValue(file, p, depth + 1));
      }
      return obj;
    }
    return Full.MAPPER.readTree(p);
  }

  private static String text(Path file, Map<String, JsonNode> values, Map<String, int[]> where, String key)
      throws ContentException {
    JsonNode n = values.get(key);
    if (n == null || n.isNull()) return null;
    if (n.isValueNode()) return n.asText();
    int[] w = where.get(key);
    throw new ContentException(Problem.error(file, w[0], w[1],
        key + ": expected text, found a " + (n.isArray() ? "list" : "map"), "front-matter"));
  }

  private static List<String> list(Path file, Map<String, JsonNode> values, Map<String, int[]> where, String key)
      throws ContentException {
    JsonNode n = values.get(key);
    if (n == null || n.isNull()) return List.of();
    if (n.isValueNode()) return n.asText().isBlank() ? List.of() : List.of(n.asText().strip());
    int[] w = where.get(key);
    if (!n.isArray()) {
      throw new ContentException(Problem.error(file, w[0], w[1],
          key + ": expected a list like [a, b], found a map", "front-matter"));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isValueNode()) {
        throw new ContentException(Problem.error(file, w[0], w[1],
            key + ": every entry must be plain text", "front-matter"));
      }
      out.add(e.asText().strip());
    }
    return out;
  }

  private static boolean bool(Path file, Map<String, JsonNode> values, Map<String, int[]> where, String key)
      throws ContentException {
    JsonNode n = values.get(key);
    if (n == null || n.isNull()) return false;
    if (n.isBoolean()) return n.booleanValue();
    String s = n.asText().strip().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("yes") || s.equals("on")) return true;
    if (s.equals("false") || s.equals("no") || s.equals("off")) return false;
    int[] w = where.get(key);
    throw new ContentException(Problem.error(file, w[0], w[1],
        key + ": expected true or false, found \"" + Text.cleanLine(n.asText()) + "\"", "front-matter"));
  }

  private static ContentException located(Path file, JsonLocation loc, String message) {
    int line = loc == null || loc.getLineNr() < 1 ? 2 : loc.getLineNr() + 1;
    int col = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
    return new ContentException(Problem.error(file, line, col, message, "front-matter"));
  }

  private static int fileLine(JsonLocation loc) {
    return loc == null || loc.getLineNr() < 1 ? 2 : loc.getLineNr() + 1;
  }

  private static int fileColumn(JsonLocation loc) {
    return loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
  }

  private static String yamlMessage(JsonProcessingException e) {
    Throwable c = e.getCause();
    if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
      return "invalid YAML: " + firstLine(m.getProblem());
    }
    return "invalid YAML: " + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) return "unknown problem";
    int nl = s.indexOf('\n');
    return Text.cleanLine(nl < 0 ? s : s.substring(0, nl));
  }
}
