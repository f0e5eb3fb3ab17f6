package clinicreader.bench;

/**
 * Figure P5, in-process: keypress to repainted screen on the 4 MB article at 200x60 (target
 * 5 ms median) and a library search as you type on 10,000 articles (target 20 ms per key).
 *
 * <p>Not measured yet: the terminal UI and the search index are not part of this build. When they
 * are, add here (the benchmark script reports any benchmark whose name starts with "p5"):
 * <pre>
 *   &#64;State(Scope.Benchmark) holding a TerminalScreen on a DefaultVirtualTerminal(200x60)
 *   with the reader open on bench/corpus/big/big.md;
 *   &#64;Benchmark p5KeypressRepaint(): feed one 'j' / PageDown keystroke, run the UI's
 *   handle-and-draw step, and return after screen.refresh();
 *   &#64;Benchmark p5SearchAsYouType(): append one letter to the query and return the results
 *   shown for the 10,000-article library.
 * </pre>
 */
public final class ReaderBench {
  private ReaderBench() {}
}
