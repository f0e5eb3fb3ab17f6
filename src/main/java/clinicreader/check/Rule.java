package clinicreader.check;

import clinicreader.content.Problem.Severity;

/** A check rule: its id, shown as {@code [id]} after each finding, and its usual severity. */
public enum Rule {
  FILE("file", Severity.ERROR, "a file the library cannot read (binary, empty, too large, outside)"),
  FRONT_MATTER("front-matter", Severity.ERROR, "front matter: required title and date, value types"),
  UNKNOWN_KEY("unknown-key", Severity.WARNING, "a front matter or clinic.json key the app does not know"),
  DUPLICATE_SLUG("duplicate-slug", Severity.ERROR, "two articles with the same slug (or file name)"),
  DUPLICATE_TITLE("duplicate-title", Severity.ERROR, "two articles with the same title"),
  MISSING_RELATED("missing-related", Severity.ERROR, "a related slug that is not an article"),
  MISSING_CTA("missing-cta", Severity.ERROR, "a cta id that clinic.json does not define"),
  BROKEN_LINK("broken-link", Severity.ERROR, "a link to an article or file that does not exist"),
  BROKEN_ANCHOR("broken-anchor", Severity.ERROR, "a #anchor that is not a section of its article"),
  OUTSIDE_LINK("outside-link", Severity.ERROR, "a link that leaves the articles directory"),
  DRAFT_LINK("draft-link", Severity.WARNING, "a published article pointing at a draft readers cannot see"),
  HEADING_SKIP("heading-skip", Severity.ERROR, "a heading level that skips (## then ####)"),
  EMPTY_SECTION("empty-section", Severity.ERROR, "a heading with no text before the next heading"),
  FEW_SECTIONS("few-sections", Severity.ERROR, "fewer than two sections: no contents to show"),
  IMAGE_ALT("image-alt", Severity.ERROR, "an image without alt text"),
  SUMMARY("summary", Severity.ERROR, "a summary missing or over 300 characters"),
  ENCODING("encoding", Severity.ERROR, "invalid UTF-8, control or bidi characters in the file"),
  NO_REFERENCES("no-references", Severity.WARNING, "no References section"),
  PLACEHOLDER("placeholder", Severity.WARNING, "TODO placeholder text left in"),
  CLINIC("clinic", Severity.ERROR, "clinic.json missing, malformed or with bad fields");

  private final String id;
  private final Severity severity;
  private final String description;

  Rule(String id, Severity severity, String description) {
    this.id = id;
    this.severity = severity;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String description() {
    return description;
  }
}
