package clinicreader.content;

/** A file that cannot be read as an article or profile; carries the located problem. */
public final class ContentException extends Exception {
  private final transient Problem problem;

  public ContentException(Problem problem) {
    super(problem.brief(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
