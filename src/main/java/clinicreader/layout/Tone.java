package clinicreader.layout;

/** What a span of text is, semantically; a {@link Theme} decides how each tone looks. */
public enum Tone {
  TEXT, TITLE, META, TAG, HEADING, SUBHEADING, LINK, LINK_MARKER, CODE, QUOTE, MUTED, RULE,
  CTA, CTA_TITLE, CRISIS, WARNING, ERROR, MATCH, SELECTED, STATUS, BAR, DRAFT
}
