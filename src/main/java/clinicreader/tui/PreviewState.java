package clinicreader.tui;

import clinicreader.content.Problem;
import java.util.List;

/**
 * Live preview and editing of an article: whether the reader is a live preview of one file
 * ({@code clinic-reader preview}: {@code q} quits, the check shows), when the article was last
 * reloaded ("14:02:11"), the error of a broken save shown over the last good version (a
 * one-line {@code file:line:col: message}), and the content check's findings for the file
 * ({@code null} when it was not checked).
 */
public record PreviewState(boolean live, String reloaded, String error, List<Problem> findings) {
  /** Nothing yet. */
  public static final PreviewState EMPTY = new PreviewState(false, null, null, null);

  public PreviewState {
    findings = findings == null ? null : List.copyOf(findings);
  }

  /** The state of a live preview before its first load. */
  public static PreviewState started() {
    return new PreviewState(true, null, null, null);
  }

  public PreviewState reloaded(String at) {
    return new PreviewState(live, at, error, findings);
  }

  public PreviewState error(String e) {
    return new PreviewState(live, reloaded, e, findings);
  }

  public PreviewState findings(List<Problem> f) {
    return new PreviewState(live, reloaded, error, f);
  }

  /** The findings' count as the status line shows it: "check: 2 errors, 1 warning" ("check: ok"). */
  public String checkSummary() {
    if (findings == null) return null;
    long errors = findings.stream().filter(Problem::isError).count();
    long warnings = findings.size() - errors;
    if (errors == 0 && warnings == 0) return "check: ok";
    StringBuilder sb = new StringBuilder("check: ");
    if (errors > 0) sb.append(errors).append(errors == 1 ? " error" : " errors");
    if (warnings > 0) sb.append(errors > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    return sb.toString();
  }
}
