package clinicreader.bench;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.Clinic;
import clinicreader.content.ContentException;
import clinicreader.content.IndexStore;
import clinicreader.content.Library;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import clinicreader.search.Result;
import clinicreader.search.SearchIndex;
import clinicreader.tui.Geometry;
import clinicreader.tui.Intent;
import clinicreader.tui.Keymap;
import clinicreader.tui.ReaderSession;
import clinicreader.tui.ReaderState;
import clinicreader.tui.Update;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Figure P5, in-process: keypress to repainted screen on the 4 MB article at 200x60 (target
 * 5 ms) and a library search as you type on 10,000 articles (target 20 ms per key). The
 * benchmark script reports every benchmark whose name starts with "p5".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBench {

  /**
   * The reader open on the 4 MB article at 200x60, drawn as the terminal reader draws it: through
   * Lanterna's ANSI terminal into a 64 KiB buffered stream (here one that discards the bytes).
   */
  @State(Scope.Benchmark)
  public static class Open {
    @Param("bench/corpus")
    public String corpus;

    TerminalScreen screen;
    ReaderSession session;
    int pages;

    @Setup(Level.Trial)
    public void open() throws IOException, ContentException {
      open(new AnsiTerminal(new BufferedOutputStream(OutputStream.nullOutputStream(), 64 * 1024),
          StandardCharsets.UTF_8, new TerminalSize(200, 60)));
    }

    void open(Terminal terminal) throws IOException, ContentException {
      Path big = Path.of(corpus, "big", "big.md");
      Article a = Article.load(big, "big", ArticleFiles.DEFAULT_MAX_BYTES).article();
      Theme theme = Theme.dark();
      Keymap keymap = Keymap.standard();
      Update update = new Update(keymap, theme, Geometry.DEFAULT_MAX_WIDTH);
      screen = new TerminalScreen(terminal);
      screen.startScreen();
      screen.setCursorPosition(null);
      session = new ReaderSession(screen, update, keymap, slug -> null, theme,
          ReaderState.library(Clinic.defaults(), List.of(), 200, 60));
      session.dispatch(new Intent.Opened("big", new PageLayout.Input(a, Clinic.defaults(), List.of()), List.of()));
      session.draw();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      screen.stopScreen();
    }
  }

  /** The same reader on Lanterna's in-memory virtual terminal (the earlier form of the figure). */
  @State(Scope.Benchmark)
  public static class OpenVirtual extends Open {
    @Override
    @Setup(Level.Trial)
    public void open() throws IOException, ContentException {
      open(new DefaultVirtualTerminal(new TerminalSize(200, 60)));
    }
  }

  /**
   * Lanterna's ANSI terminal on plain streams with a fixed size (no tty, no stty), writing a
   * cell's grapheme cluster at once as the reader's own Unix terminal does.
   */
  static final class AnsiTerminal extends ANSITerminal {
    private final TerminalSize size;

    AnsiTerminal(OutputStream out, Charset charset, TerminalSize size) {
      super(new ByteArrayInputStream(new byte[0]), out, charset);
      this.size = size;
    }

    @Override
    protected TerminalSize findTerminalSize() {
      return size;
    }

    @Override
    public void putString(String s) throws IOException {
      if (s.length() <= 1) {
        super.putString(s);
        return;
      }
      writeToTerminal(s.getBytes(getCharset()));
    }
  }

  /** One page-down key handled and the screen repainted; back to the top after about 900 pages. */
  @Benchmark
  public ReaderState p5KeypressRepaint(Open o) throws IOException {
    return pageDown(o);
  }

  /** As {@link #p5KeypressRepaint}, on the virtual terminal: for comparison with earlier runs. */
  @Benchmark
  public ReaderState p5KeypressRepaintVirtual(OpenVirtual o) throws IOException {
    return pageDown(o);
  }

  private static ReaderState pageDown(Open o) throws IOException {
    if (++o.pages % 900 == 0) o.session.dispatch(new Intent.Top());
    o.session.dispatch(new Intent.Page(1));
    o.session.draw();
    return o.session.state();
  }

  /** The 10,000-article library's search index, and what a reader types into the search prompt. */
  @State(Scope.Benchmark)
  public static class Typed {
    @Param("bench/corpus")
    public String corpus;

    SearchIndex index;
    final String[] prefixes;
    int next;

    public Typed() {
      String typed = "tinnitus ferritin sleep";
      prefixes = new String[typed.length()];
      for (int i = 0; i < typed.length(); i++) prefixes[i] = typed.substring(0, i + 1);
    }

    @Setup(Level.Trial)
    public void build() throws IOException, ContentException {
      IndexStore store = new IndexStore(Files.createTempDirectory("clinic-reader-jmh-cache"));
      Library library = Library.open(Path.of(corpus, "library"), ArticleFiles.DEFAULT_MAX_BYTES, store);
      index = SearchIndex.build(library, false);
    }
  }

  /** One keystroke of a query typed letter by letter: the whole result list for the text so far. */
  @Benchmark
  public List<Result> p5SearchAsYouType(Typed t) {
    String q = t.prefixes[t.next];
    t.next = (t.next + 1) % t.prefixes.length;
    return t.index.query(q);
  }
}
