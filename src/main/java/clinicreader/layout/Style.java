package clinicreader.layout;

/** A tone plus text attributes (bold, italic, ...), as a small immutable value. */
public record Style(Tone tone, int attrs) {
  public static final int BOLD = 1;
  public static final int ITALIC = 2;
  public static final int UNDERLINE = 4;
  public static final int STRIKE = 8;
  public static final int REVERSE = 16;
  public static final int DIM = 32;

  public static final Style PLAIN = new Style(Tone.TEXT, 0);

  public static Style of(Tone tone) {
    return new Style(tone, 0);
  }

  public Style with(int attr) {
    return new Style(tone, attrs | attr);
  }

  public Style tone(Tone t) {
    return new Style(t, attrs);
  }

  // written out: a record's generated equals and hashCode are linked through method handles on
  // first use, a visible cost in a short command's start-up
  @Override
  public boolean equals(Object o) {
    return o instanceof Style s && s.tone == tone && s.attrs == attrs;
  }

  @Override
  public int hashCode() {
    return 31 * tone.hashCode() + attrs;
  }

  public boolean has(int attr) {
    return (attrs & attr) != 0;
  }

  /** A short name for golden files, like "heading+b". */
  public String code() {
    StringBuilder sb = new StringBuilder(tone.name().toLowerCase(java.util.Locale.ROOT));
    if (has(BOLD)) sb.append("+b");
    if (has(ITALIC)) sb.append("+i");
    if (has(UNDERLINE)) sb.append("+u");
    if (has(STRIKE)) sb.append("+s");
    if (has(REVERSE)) sb.append("+r");
    if (has(DIM)) sb.append("+d");
    return sb.toString();
  }
}
