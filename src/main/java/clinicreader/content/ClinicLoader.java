package clinicreader.content;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads {@code clinic.json}; a missing file gives defaults and a warning. */
public final class ClinicLoader {
  /** The profile's file name inside the articles directory. */
  public static final String FILE_NAME = "clinic.json";
  /** The bean mapping, made only when a profile is not plain (making a mapper is slow to start). */
  private static final class Full {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  private static final JsonFactory JSON = new JsonFactory();

  private ClinicLoader() {}

  /** The profile and any warning about it. */
  public record Result(Clinic clinic, List<Problem> warnings) {}

  /** Reads {@code dir/clinic.json}. */
  public static Result load(Path dir) throws ContentException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Result(Clinic.defaults(), List.of(Problem.warning(file, 0, 0,
          "no clinic profile; contact details will be missing (create clinic.json, see README)", "clinic")));
    }
    if (!ArticleFiles.isInside(dir, file)) {
      throw new ContentException(Problem.error(file, 0, 0,
          "links outside the articles directory; not read (copy the profile into the directory)", "clinic"));
    }
    byte[] bytes = ArticleFiles.read(file, 1024 * 1024);
    String text = SourceText.decode(bytes).text();
    Clinic quick = quick(text);
    if (quick != null) return new Result(quick, List.of());
    try {
      return new Result(Full.MAPPER.readValue(text, Clinic.class), List.of());
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      throw located(file, e.getLocation(), (field.isEmpty() ? "" : field + ": ")
          + "wrong type or value (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (JsonProcessingException e) {
      throw located(file, e.getLocation(), "invalid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ContentException(Problem.error(file, 0, 0, "cannot read: " + e.getMessage(), "clinic"));
    }
  }

  /**
   * Reads a well-formed profile from the JSON tree, without the bean mapping's reflection (a large
   * part of a short command's start-up). Anything unexpected (a number where text belongs, a
   * syntax error) gives null, and the full mapping then reads the file and words the error.
   */
  static Clinic quick(String text) {
    JsonNode root;
    try (JsonParser p = JSON.createParser(text)) {
      root = p.nextToken() == null ? null : tree(p, 0);
    } catch (IOException | RuntimeException | NotPlain e) {
      return null;
    }
    if (root == null || !root.isObject()) return null;
    try {
      JsonNode b = root.get("booking");
      Clinic.Booking booking = null;
      if (b != null && !b.isNull()) {
        if (!b.isObject()) return null;
        booking = new Clinic.Booking(str(b, "label"), str(b, "url"), str(b, "phone"));
      }
      List<Clinic.Cta> ctas = null;
      JsonNode cs = root.get("ctas");
      if (cs != null && !cs.isNull()) {
        if (!cs.isArray()) return null;
        ctas = new ArrayList<>();
        for (JsonNode c : cs) {
          if (c.isNull()) {
            ctas.add(null);
            continue;
          }
          if (!c.isObject()) return null;
          ctas.add(new Clinic.Cta(str(c, "id"), str(c, "title"), str(c, "text"), str(c, "action")));
        }
      }
      return new Clinic(str(root, "name"), str(root, "tagline"), str(root, "phone"), str(root, "email"),
          str(root, "website"), str(root, "address"), strings(root, "hours"), booking, ctas, str(root, "about"),
          strings(root, "conditions"), strings(root, "services"), str(root, "disclaimer"), str(root, "crisis"));
    } catch (NotPlain e) {
      return null;
    }
  }

  /**
   * The JSON tree at the parser's current token, as the mapper's readTree builds it, but without
   * a mapper: numbers become a number node (the quick reading never takes them as text).
   */
  private static JsonNode tree(JsonParser p, int depth) throws IOException, NotPlain {
    if (depth > 100) throw new NotPlain();
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode o = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          o.set(name, tree(p, depth + 1));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = f.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) a.add(tree(p, depth + 1));
        return a;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return f.booleanNode(p.currentToken() == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return f.numberNode(0);
      }
      default -> throw new NotPlain();
    }
  }

  /** A value the quick reading leaves to the full mapping. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static String str(JsonNode obj, String key) throws NotPlain {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw new NotPlain();
    return v.textValue();
  }

  private static List<String> strings(JsonNode obj, String key) throws NotPlain {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isArray()) throw new NotPlain();
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (e.isNull()) out.add(null);
      else if (e.isTextual()) out.add(e.textValue());
      else throw new NotPlain();
    }
    return out;
  }

  private static ContentException located(Path file, JsonLocation loc, String message) {
    int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
    int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
    return new ContentException(Problem.error(file, line, col, message, "clinic"));
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl);
    if (l.length() > 120) l = l.substring(0, 120) + "…";
    return l;
  }
}
