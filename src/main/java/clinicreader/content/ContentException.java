package clinicreader.content;

/** A file that cannot be read as an article or profile; carries the located problem. */
public final class ContentException extends Exception {
  private final transient Problem problem;
  private final boolean unreadable;

  public ContentException(Problem problem) {
    this(problem, false);
  }

  private ContentException(Problem problem, boolean unreadable) {
    super(problem.brief(), null, false, false);
    this.problem = problem;
    this.unreadable = unreadable;
  }

  /**
   * A file that could not be read at all, or not whole (no such file, no permission, a file
   * growing while read): unlike a problem with what a file holds, the same file, unchanged, may
   * read well next time.
   */
  static ContentException unreadable(Problem problem) {
    return new ContentException(problem, true);
  }

  /** Whether the file could not be read, rather than being read and refused. */
  public boolean unreadable() {
    return unreadable;
  }

  public Problem problem() {
    return problem;
  }
}
