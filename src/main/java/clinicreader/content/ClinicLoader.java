package clinicreader.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads {@code clinic.json}; a missing file gives defaults and a warning. */
public final class ClinicLoader {
  /** The profile's file name inside the articles directory. */
  public static final String FILE_NAME = "clinic.json";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
    try {
      return new Result(MAPPER.readValue(text, Clinic.class), List.of());
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
