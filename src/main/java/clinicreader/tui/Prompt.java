package clinicreader.tui;

/** The one-line text prompt at the bottom: what it asks for and what has been typed. */
public record Prompt(Kind kind, String text) {
  /** What the prompt is for; later prompts (search) add kinds here. */
  public enum Kind {
    SECTION("Go to section: "),
    // finding (FindUpdate)
    SEARCH("/"),
    LINK("Follow link: ");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Prompt typed(String more) {
    return new Prompt(kind, text + more);
  }

  public Prompt erased() {
    return text.isEmpty() ? this : new Prompt(kind, text.substring(0, text.offsetByCodePoints(text.length(), -1)));
  }
}
