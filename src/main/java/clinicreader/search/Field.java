package clinicreader.search;

/** Where in an article a match is; earlier fields rank higher. */
public enum Field {
  TITLE, TAGS, SUMMARY, BODY;

  /** This field as a bit in a mask. */
  int bit() {
    return 1 << ordinal();
  }

  /** The best field in a mask, or {@code null} for an empty mask. */
  static Field best(int mask) {
    for (Field f : values()) if ((mask & f.bit()) != 0) return f;
    return null;
  }
}
