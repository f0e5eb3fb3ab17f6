package clinicreader.state;

import clinicreader.content.Library;
import clinicreader.content.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the reader looks and behaves, from {@code $XDG_CONFIG_HOME/clinic-reader/config.json}
 * (by default {@code ~/.config/clinic-reader/config.json}), for example:
 *
 * <pre>{ "theme": "light", "maxWidth": 90, "mouse": true, "dir": "~/clinic/articles", "sort": "title" }</pre>
 *
 * <p>{@code theme} is dark (default), light or mono; {@code maxWidth} is the widest text column
 * (default 100); {@code mouse} turns on mouse input (default off, so the terminal's own text
 * selection works); {@code dir} is the articles directory ({@code null} when not set; a leading
 * {@code ~/} means the home directory); {@code sort} orders the library by date (default) or
 * title. Command-line options override these (the {@code with...} methods); {@code NO_COLOR}
 * overrides the theme ({@link #withEnvironment}).
 */
public record Settings(String theme, int maxWidth, boolean mouse, Path dir, Library.Sort sort) {

  /** The config file's name. */
  public static final String FILE = "config.json";
  /** The themes a setting may name. */
  public static final List<String> THEMES = List.of("dark", "light", "mono");
  public static final String DEFAULT_THEME = "dark";
  public static final int DEFAULT_MAX_WIDTH = 100;
  /** Narrowest and widest accepted {@code maxWidth}. */
  public static final int MIN_MAX_WIDTH = 20;
  public static final int MAX_MAX_WIDTH = 10_000;
  static final long MAX_BYTES = 1L << 20;

  public Settings {
    theme = theme == null ? DEFAULT_THEME : theme.toLowerCase(Locale.ROOT);
    if (!THEMES.contains(theme)) throw new IllegalArgumentException("unknown theme: " + theme);
    maxWidth = Math.max(MIN_MAX_WIDTH, Math.min(MAX_MAX_WIDTH, maxWidth));
    sort = sort == null ? Library.Sort.DATE : sort;
  }

  /** The settings when there is no config file. */
  public static Settings defaults() {
    return new Settings(DEFAULT_THEME, DEFAULT_MAX_WIDTH, false, null, Library.Sort.DATE);
  }

  /** {@code $XDG_CONFIG_HOME/clinic-reader/config.json}, else {@code ~/.config/clinic-reader/config.json}. */
  public static Path defaultFile(Map<String, String> env) {
    return Xdg.base(env, "XDG_CONFIG_HOME", ".config").resolve(Xdg.APP).resolve(FILE);
  }

  /** Whether {@code NO_COLOR} is set to anything non-empty (see no-color.org). */
  public static boolean noColor(Map<String, String> env) {
    String v = env.get("NO_COLOR");
    return v != null && !v.isEmpty();
  }

  /** These settings as the environment allows: {@code NO_COLOR} forces the mono theme. */
  public Settings withEnvironment(Map<String, String> env) {
    return noColor(env) ? withTheme("mono") : this;
  }

  /** These settings with another theme (dark, light or mono). */
  public Settings withTheme(String name) {
    return new Settings(name, maxWidth, mouse, dir, sort);
  }

  public Settings withMaxWidth(int width) {
    return new Settings(theme, width, mouse, dir, sort);
  }

  public Settings withMouse(boolean on) {
    return new Settings(theme, maxWidth, on, dir, sort);
  }

  public Settings withDir(Path articles) {
    return new Settings(theme, maxWidth, mouse, articles, sort);
  }

  public Settings withSort(Library.Sort order) {
    return new Settings(theme, maxWidth, mouse, dir, order);
  }

  /** Settings read from a file, and one line per problem found ({@code file:line:col: message}). */
  public record Loaded(Settings settings, List<String> warnings) {
    public Loaded {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads a config file. A missing file gives the defaults silently. A file that is not valid
   * JSON gives the defaults and one warning; a bad value keeps that setting's default with a
   * warning; unknown keys are ignored with a warning. Never throws.
   */
  public static Loaded load(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) return invalid(file, 0, 0, "larger than 1 MiB; using default settings");
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return new Loaded(defaults(), List.of());
    } catch (IOException | RuntimeException e) {
      return invalid(file, 0, 0, "cannot read (" + StateStore.reason(e) + "); using default settings");
    }
    return parse(file, bytes);
  }

  /** Parses config text; {@code file} names it in warnings. */
  static Loaded parse(Path file, byte[] bytes) {
    Settings s = defaults();
    List<String> warnings = new ArrayList<>();
    try (JsonParser p = StateJson.MAPPER.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) return new Loaded(s, List.of());
      if (first != JsonToken.START_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        return invalid(file, at.getLineNr(), at.getColumnNr(), "expected a JSON object of settings; using default settings");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        p.nextToken();
        JsonNode value = p.readValueAsTree();
        Settings next = apply(s, key, value);
        String problem = next == null ? problem(key, value) : null;
        if (problem != null) warnings.add(Problem.warning(file, at.getLineNr(), at.getColumnNr(), problem, "config").brief());
        else s = next;
      }
      if (t != JsonToken.END_OBJECT) {
        JsonLocation at = p.currentTokenLocation();
        return invalid(file, at.getLineNr(), at.getColumnNr(), "not valid JSON; using default settings");
      }
      JsonToken after = p.nextToken();
      if (after != null) {
        JsonLocation at = p.currentTokenLocation();
        return invalid(file, at.getLineNr(), at.getColumnNr(), "unexpected text after the settings; using default settings");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
      int nl = msg.indexOf('\n');
      if (nl >= 0) msg = msg.substring(0, nl);
      return invalid(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "not valid JSON (" + msg + "); using default settings");
    } catch (IOException e) {
      return invalid(file, 0, 0, "cannot read (" + StateStore.reason(e) + "); using default settings");
    }
    return new Loaded(s, warnings);
  }

  /** The settings with {@code key} set to {@code value}, or {@code null} if the pair is not valid. */
  private static Settings apply(Settings s, String key, JsonNode v) {
    switch (key) {
      case "theme":
        if (v.isTextual() && THEMES.contains(v.asText().toLowerCase(Locale.ROOT))) return s.withTheme(v.asText());
        return null;
      case "maxWidth":
        if (v.canConvertToInt() && v.isIntegralNumber() && v.asInt() >= MIN_MAX_WIDTH && v.asInt() <= MAX_MAX_WIDTH) {
          return s.withMaxWidth(v.asInt());
        }
        return null;
      case "mouse":
        return v.isBoolean() ? s.withMouse(v.asBoolean()) : null;
      case "dir":
        if (!v.isTextual() || v.asText().isBlank()) return null;
        Path dir = expandHome(v.asText());
        return dir == null ? null : s.withDir(dir);
      case "sort":
        if (!v.isTextual()) return null;
        return switch (v.asText().toLowerCase(Locale.ROOT)) {
          case "date" -> s.withSort(Library.Sort.DATE);
          case "title" -> s.withSort(Library.Sort.TITLE);
          default -> null;
        };
      default:
        return null;
    }
  }

  private static String problem(String key, JsonNode v) {
    String shown = v.toString();
    if (shown.length() > 40) shown = shown.substring(0, 40) + "...";
    return switch (key) {
      case "theme" -> "theme: " + shown + " is not one of dark, light, mono; using " + DEFAULT_THEME;
      case "maxWidth" -> "maxWidth: " + shown + " is not a whole number from " + MIN_MAX_WIDTH + " to "
          + MAX_MAX_WIDTH + "; using " + DEFAULT_MAX_WIDTH;
      case "mouse" -> "mouse: " + shown + " is not true or false; using false";
      case "dir" -> "dir: " + shown + " is not a directory path; ignored";
      case "sort" -> "sort: " + shown + " is not date or title; using date";
      default -> "unknown setting \"" + key + "\" (ignored)";
    };
  }

  private static Path expandHome(String s) {
    try {
      if (s.equals("~")) return Path.of(System.getProperty("user.home"));
      if (s.startsWith("~/")) return Path.of(System.getProperty("user.home")).resolve(s.substring(2));
      return Path.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static Loaded invalid(Path file, int line, int col, String message) {
    return new Loaded(defaults(), List.of(Problem.warning(file, Math.max(0, line), Math.max(0, col), message, "config").brief()));
  }
}
