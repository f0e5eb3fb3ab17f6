package clinicreader.check;

import clinicreader.content.Problem;
import clinicreader.content.Problem.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects findings while the rules run. */
final class Findings {
  private final List<Problem> problems = new ArrayList<>();

  void add(Rule rule, Path file, int line, int column, String message) {
    add(rule, rule.severity(), file, line, column, message);
  }

  void add(Rule rule, Severity severity, Path file, int line, int column, String message) {
    problems.add(severity == Severity.ERROR
        ? Problem.error(file, line, column, message, rule.id())
        : Problem.warning(file, line, column, message, rule.id()));
  }

  /** A problem found by the library or loader, kept as it is but always an error. */
  void addError(Problem p) {
    problems.add(new Problem(p.file(), p.line(), p.column(), Severity.ERROR, p.message(), p.rule()));
  }

  List<Problem> list() {
    return problems;
  }
}
