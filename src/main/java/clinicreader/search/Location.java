package clinicreader.search;

/**
 * Where a result's best match is, for opening the article at it: the outline section it is in
 * ({@code sectionIndex} into {@code content.Outline.sections()}, -1 when the match is before the
 * first heading or not in the body), that section's number, title and anchor, the field, and
 * the matched word as written in the article.
 */
public record Location(Field field, int sectionIndex, String sectionNumber, String sectionTitle, String anchor,
    String text) {

  /** Whether the match is inside a numbered section. */
  public boolean hasSection() {
    return sectionIndex >= 0;
  }

  /** "3. Results" (a subsection: "2.1 Doses"), or empty when there is no section. */
  public String sectionLabel() {
    if (!hasSection()) return "";
    return sectionNumber + (sectionNumber.contains(".") ? " " : ". ") + sectionTitle;
  }
}
