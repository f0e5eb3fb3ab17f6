package clinicreader.check;

import clinicreader.content.ArticleFiles;
import clinicreader.content.ContentException;
import clinicreader.content.Json;
import clinicreader.content.Problem;
import clinicreader.content.Problem.Severity;
import clinicreader.content.SourceText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules about {@code clinic.json}: valid JSON, the contact fields present and well formed,
 * calls-to-action with unique ids. Reads the raw JSON (not the {@code Clinic} record, which
 * fills in defaults) and remembers where each value is, so findings carry line and column.
 */
final class ClinicRules {
  static final List<String> KEYS = List.of("name", "tagline", "phone", "email", "website", "address", "hours",
      "booking", "ctas", "about", "conditions", "services", "disclaimer", "crisis");
  static final List<String> TEXT_KEYS = List.of("name", "tagline", "phone", "email", "website", "address", "about",
      "disclaimer", "crisis");
  static final List<String> LIST_KEYS = List.of("hours", "conditions", "services");
  static final List<String> BOOKING_KEYS = List.of("label", "url", "phone");
  static final List<String> CTA_KEYS = List.of("id", "title", "text", "action");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().\\-]*[0-9]$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  private final Path file;
  private final Findings out;
  private final Map<String, int[]> where = new HashMap<>();
  private final Map<String, int[]> keyWhere = new HashMap<>();

  private ClinicRules(Path file, Findings out) {
    this.file = file;
    this.out = out;
  }

  /** Checks {@code file}; returns whether it could be read as a clinic profile at all. */
  static boolean check(Path file, Findings out) {
    return new ClinicRules(file, out).run();
  }

  private boolean run() {
    if (!ArticleFiles.isInside(file.getParent(), file)) {
      // the reader refuses it too; reading it here would print another folder's text
      out.add(Rule.CLINIC, file, 0, 0, "links outside the articles directory; not read (copy the profile into the directory)");
      return false;
    }
    SourceText src;
    try {
      src = SourceText.decode(ArticleFiles.read(file, 1024 * 1024));
    } catch (ContentException e) {
      out.addError(withRule(e));
      return false;
    }
    for (SourceText.Issue is : src.issues()) {
      out.add(Rule.ENCODING, file, is.line(), is.column(), switch (is.kind()) {
        case INVALID_UTF8 -> is.detail() + " bytes; save the file as UTF-8";
        case CONTROL_CHARACTER -> "control character " + is.detail() + "; delete it";
        case BIDI_CONTROL -> "bidirectional control character " + is.detail() + "; delete it";
      });
    }
    for (EscapedControls.Found f : EscapedControls.json(src.text().split("\n", -1))) {
      out.add(Rule.ENCODING, file, f.line(), f.column(), f.message());
    }
    JsonNode root;
    try (JsonParser p = Json.MAPPER.getFactory().createParser(src.text())) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (p.nextToken() == null) {
        out.add(Rule.CLINIC, file, 1, 1, "empty file: clinic.json must be a JSON object { ... }");
        return false;
      }
      root = read(p, "");
      if (p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        out.add(Rule.CLINIC, file, l.getLineNr(), l.getColumnNr(), "invalid JSON: text after the closing }");
        return false;
      }
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      out.add(Rule.CLINIC, file, l == null ? 0 : Math.max(0, l.getLineNr()), l == null ? 0 : Math.max(0, l.getColumnNr()),
          "invalid JSON: " + firstLine(e.getOriginalMessage()));
      return false;
    } catch (IOException e) {
      out.add(Rule.CLINIC, file, 0, 0, "cannot read: " + e.getMessage());
      return false;
    }
    if (!(root instanceof ObjectNode obj)) {
      out.add(Rule.CLINIC, file, 1, 1, "clinic.json must be a JSON object { \"name\": ..., \"phone\": ... }");
      return false;
    }
    boolean usable = true;
    unknownKeys(obj, "", KEYS);
    for (String k : TEXT_KEYS) usable &= text(obj, k, k);
    for (String k : LIST_KEYS) usable &= textList(obj, k);
    required(obj, "name", "the clinic's name, shown on every page");
    required(obj, "phone", "a phone number for readers to call");
    required(obj, "email", "an email address for readers");
    required(obj, "website", "the clinic's website, https://...");
    phone(obj, "phone", "phone");
    email(obj);
    url(obj, "website", "website");
    usable &= booking(obj);
    usable &= ctas(obj);
    return usable;
  }

  private Problem withRule(ContentException e) {
    Problem p = e.problem();
    return new Problem(p.file(), p.line(), p.column(), p.severity(), p.message(), Rule.CLINIC.id());
  }

  // ---- reading with locations ---------------------------------------------------------------

  private JsonNode read(JsonParser p, String path) throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    where.put(path, new int[] {loc.getLineNr(), loc.getColumnNr()});
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String child = path.isEmpty() ? name : path + "." + name;
        JsonLocation kl = p.currentTokenLocation();
        keyWhere.put(child, new int[] {kl.getLineNr(), kl.getColumnNr()});
        p.nextToken();
        o.set(name, read(p, child));
      }
      return o;
    }
    if (t == JsonToken.START_ARRAY) {
      ArrayNode a = Json.MAPPER.createArrayNode();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p, path + "[" + i++ + "]"));
      return a;
    }
    return Json.MAPPER.readTree(p);
  }

  private void add(String path, String message) {
    int[] w = where.getOrDefault(path, new int[] {1, 1});
    out.add(Rule.CLINIC, file, w[0], w[1], message);
  }

  // ---- rules --------------------------------------------------------------------------------

  private void unknownKeys(ObjectNode obj, String path, List<String> known) {
    obj.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        String child = path.isEmpty() ? k : path + "." + k;
        int[] w = keyWhere.get(child);
        out.add(Rule.UNKNOWN_KEY, file, w[0], w[1], "unknown key \"" + child + "\" in clinic.json (known: "
            + String.join(", ", known) + ")");
      }
    });
  }

  /** A value that must be text when present; false when it is not. */
  private boolean text(ObjectNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull() || v.isTextual()) return true;
    add(path, path + ": expected text in quotes, found " + kind(v));
    return false;
  }

  private boolean textList(ObjectNode obj, String key) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull()) return true;
    if (!v.isArray()) {
      add(key, key + ": expected a list of texts [\"...\", \"...\"], found " + kind(v));
      return false;
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        add(key + "[" + i + "]", key + "[" + i + "]: expected text in quotes, found " + kind(v.get(i)));
        return false;
      }
    }
    return true;
  }

  private void required(ObjectNode obj, String key, String what) {
    JsonNode v = obj.get(key);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      add(obj.has(key) ? key : "", key + ": missing; add \"" + key + "\": " + what);
    }
  }

  private void phone(ObjectNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) return;
    String s = v.asText().strip();
    long digits = s.chars().filter(Character::isDigit).count();
    if (!PHONE.matcher(s).matches() || digits < 7 || digits > 15) {
      add(path, path + ": \"" + clean(s) + "\" is not a phone number (digits, spaces, + - ( ) only; 7 to 15 digits)");
    }
  }

  private void email(ObjectNode obj) {
    JsonNode v = obj.get("email");
    if (v == null || !v.isTextual() || v.asText().isBlank()) return;
    if (!EMAIL.matcher(v.asText().strip()).matches()) {
      add("email", "email: \"" + clean(v.asText()) + "\" is not an email address like care@example.org");
    }
  }

  private void url(ObjectNode obj, String key, String path) {
    JsonNode v = obj.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) return;
    if (!isWebUrl(v.asText().strip())) {
      add(path, path + ": \"" + clean(v.asText()) + "\" is not a web address; write it in full, https://...");
    }
  }

  static boolean isWebUrl(String s) {
    try {
      URI u = new URI(s);
      return u.getScheme() != null && (u.getScheme().equalsIgnoreCase("https") || u.getScheme().equalsIgnoreCase("http"))
          && u.getHost() != null && u.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private boolean booking(ObjectNode obj) {
    JsonNode b = obj.get("booking");
    if (b == null || b.isNull()) {
      out.add(Rule.CLINIC, Severity.WARNING, file, 1, 1,
          "booking: missing; add \"booking\": {\"label\": ..., \"url\": ..., \"phone\": ...} so readers can book");
      return true;
    }
    if (!(b instanceof ObjectNode bo)) {
      add("booking", "booking: expected an object {\"label\": ..., \"url\": ..., \"phone\": ...}, found " + kind(b));
      return false;
    }
    unknownKeys(bo, "booking", BOOKING_KEYS);
    boolean ok = true;
    for (String k : BOOKING_KEYS) ok &= text(bo, k, "booking." + k);
    JsonNode url = bo.get("url");
    if (url == null || url.isNull() || (url.isTextual() && url.asText().isBlank())) {
      add(bo.has("url") ? "booking.url" : "booking", "booking.url: missing; add the booking page, https://...");
    } else {
      url(bo, "url", "booking.url");
    }
    phone(bo, "phone", "booking.phone");
    return ok;
  }

  private boolean ctas(ObjectNode obj) {
    JsonNode cs = obj.get("ctas");
    if (cs == null || cs.isNull()) return true;
    if (!cs.isArray()) {
      add("ctas", "ctas: expected a list of calls-to-action [{\"id\": ..., \"title\": ...}], found " + kind(cs));
      return false;
    }
    boolean ok = true;
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < cs.size(); i++) {
      String path = "ctas[" + i + "]";
      JsonNode c = cs.get(i);
      if (!(c instanceof ObjectNode co)) {
        add(path, path + ": expected an object {\"id\": ..., \"title\": ...}, found " + kind(c));
        ok = false;
        continue;
      }
      unknownKeys(co, path, CTA_KEYS);
      for (String k : CTA_KEYS) ok &= text(co, k, path + "." + k);
      JsonNode id = co.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        if (id == null || id.isNull() || id.isTextual()) {
          add(co.has("id") ? path + ".id" : path, path + ".id: missing; articles name a call-to-action by its id");
        }
      } else if (!ids.add(id.asText())) {
        add(path + ".id", path + ".id: \"" + clean(id.asText()) + "\" is used by an earlier call-to-action; ids must be unique");
      }
      JsonNode title = co.get("title");
      if (title == null || title.isNull() || (title.isTextual() && title.asText().isBlank())) {
        add(co.has("title") ? path + ".title" : path, path + ".title: missing; it is the heading readers see");
      }
    }
    return ok;
  }

  private static String kind(JsonNode v) {
    if (v.isObject()) return "an object";
    if (v.isArray()) return "a list";
    if (v.isNumber()) return "a number";
    if (v.isBoolean()) return "true/false";
    if (v.isNull()) return "null";
    return "text";
  }

  private static String clean(String s) {
    return clinicreader.content.Text.cleanLine(s);
  }

  private static String firstLine(String s) {
    if (s == null) return "unknown problem";
    int nl = s.indexOf('\n');
    String l = nl < 0 ? s : s.substring(0, nl);
    return l.length() > 120 ? l.substring(0, 120) + "…" : l;
  }
}
