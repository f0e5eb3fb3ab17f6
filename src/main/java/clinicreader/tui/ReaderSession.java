package clinicreader.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * One reader on one Lanterna screen: feeds keys through the keymap and the update step, carries
 * out the effects, and draws. Used by the terminal runtime and, on a virtual terminal, by tests.
 */
public final class ReaderSession {
  private final Screen screen;
  private final Painter painter;
  private final Update update;
  private final Keymap keymap;
  private final ArticleSource source;
  private final ReadingMemory memory;
  private ReaderState state;
  private boolean running = true;
  private boolean repaint = true;
  // finding: the effects of search and links, and answers posted from the index thread
  private final FindRuntime finder;
  // ---- preview: how to reload and edit, and intents posted by other threads (the file watcher)
  private PreviewSource reloader;
  private Function<Effect.Edit, Intent> editor = e -> new Intent.EditFailed("No editor in this reader");
  private final Queue<Intent> posted = new ConcurrentLinkedQueue<>();

  public ReaderSession(Screen screen, Update update, Keymap keymap, ArticleSource source,
      clinicreader.layout.Theme theme, ReaderState initial) {
    this(screen, update, keymap, source, theme, initial, ReadingMemory.none());
  }

  /** A session that remembers positions, read marks and bookmarks in {@code memory}. */
  public ReaderSession(Screen screen, Update update, Keymap keymap, ArticleSource source,
      clinicreader.layout.Theme theme, ReaderState initial, ReadingMemory memory) {
    this.memory = memory;
    this.screen = screen;
    this.painter = new Painter(screen, theme);
    this.update = update;
    this.keymap = keymap;
    this.source = source;
    this.finder = new FindRuntime(source, System.getenv("BROWSER"));
    TerminalSize size = screen.getTerminalSize();
    this.state = initial.size(size.getColumns(), size.getRows());
    this.reloader = PreviewSource.of(source);
  }

  /** Reads the open article again with {@code r} (a live preview's, with the content check). */
  public void reloader(PreviewSource r) {
    this.reloader = r;
  }

  /** Runs the editor for {@link Effect.Edit} (the runtime suspends the screen around it). */
  public void editor(Function<Effect.Edit, Intent> e) {
    this.editor = e;
  }

  /** Queues an intent from another thread; the reader's own thread applies it in {@link #drainPosted}. */
  public void post(Intent i) {
    if (i != null) posted.add(i);
  }

  /** Applies the intents posted so far; returns whether there were any. */
  public boolean drainPosted() {
    boolean any = false;
    for (Intent i = posted.poll(); i != null && running; i = posted.poll()) {
      dispatch(i);
      any = true;
    }
    return any;
  }

  public ReaderState state() {
    return state;
  }

  public boolean running() {
    return running;
  }

  /** Handles one key stroke. */
  public void key(KeyStroke k) {
    dispatch(keymap.intent(state, Keys.of(k)));
  }

  /** Applies an intent and every effect it leads to. */
  public void dispatch(Intent first) {
    Deque<Intent> queue = new ArrayDeque<>();
    if (first != null) queue.add(first);
    while (!queue.isEmpty() && running) {
      Update.Step step = update.step(state, queue.poll());
      state = step.state();
      for (Effect e : step.effects()) {
        if (e instanceof Effect.Quit) {
          running = false;
        } else if (e instanceof Effect.OpenArticle o) {
          queue.add(source.open(o.slug()));
        } else if (finder.handles(e)) {
          finder.run(e, queue::add);
        } else if (e instanceof Effect.Persist p) {
          Intent answer = memory.persist(p);
          if (answer != null) queue.add(answer);
        } else if (e instanceof Effect.Reload r) {
          queue.add(reloader.reload(r.slug()));
        } else if (e instanceof Effect.Edit ed) {
          queue.add(editor.apply(ed));
          // the editor drew over the terminal: every cell must be sent again
          repaint = true;
        }
      }
    }
  }

  /** Between keys: writes the reading position once scrolling pauses; returns whether to draw again. */
  public boolean idle() {
    Intent warning = memory.flushIfDue();
    if (warning == null) return false;
    dispatch(warning);
    return true;
  }

  /** Takes a pending terminal resize into account; returns whether there was one. */
  public boolean resizeIfNeeded() {
    TerminalSize size = screen.doResizeIfNecessary();
    if (size == null) return false;
    dispatch(new Intent.Resize(size.getColumns(), size.getRows()));
    // the terminal keeps (or reflows) old text on resize: repaint every cell once
    repaint = true;
    return true;
  }

  /** Draws the current state and sends the changed cells to the terminal. */
  public void draw() throws IOException {
    screen.setCursorPosition(ReaderScreen.draw(state, painter, update, keymap));
    // AUTOMATIC sends every cell in screen order when most of them changed (a page move):
    // Lanterna's delta refresh would first sort each changed cell into a tree
    screen.refresh(repaint ? Screen.RefreshType.COMPLETE : Screen.RefreshType.AUTOMATIC);
    repaint = false;
  }

  // ---- finding

  /** Builds the search index on its own thread from now on (for the terminal; tests build it at once). */
  public void findInBackground() {
    finder.background(true);
  }

  /** Applies the answers posted by background work (the search index); returns whether there were any. */
  public boolean deliverPosted() {
    boolean any = false;
    for (Intent i = finder.poll(); i != null; i = finder.poll()) {
      dispatch(i);
      any = true;
    }
    return any;
  }
}
