package clinicreader.tui;

import clinicreader.content.Text;
import clinicreader.layout.Theme;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The reader on the real terminal: sets it up, runs the input loop, and always gives the
 * terminal back as it was (on quit, Ctrl-C, SIGTERM/SIGHUP and unexpected errors).
 */
public final class TerminalReader {
  /** How to run the reader. {@code first} (may be null) is applied before the first frame. */
  public record Options(ReaderState initial, Intent first, ArticleSource source, Theme theme,
      int maxWidth, boolean mouse) {}

  /** The testing hook's variable (see the package description); read once, at start. */
  static final String FAULT = "CLINIC_READER_FAULT";
  private static final boolean FAULT_ON_DRAW = "draw".equals(System.getenv(FAULT));

  private final Object lock = new Object();
  private TerminalScreen screen;
  private Terminal terminal;
  private boolean restored;

  private TerminalReader() {}

  /** A terminal being set up while the library loads ({@link #prepare}), until the reader takes it. */
  private static java.util.concurrent.CompletableFuture<UnixTerminal> prepared;

  /**
   * Starts setting the terminal up on another thread, for a reader about to start: Lanterna
   * runs {@code stty} five times (some 55 ms) and initialises its screen classes, which can
   * overlap with loading the library. The reader takes the terminal when it starts; until then
   * the screen is untouched (no alternate screen), and {@link #discardPrepared} gives the tty its
   * modes back when the reader does not start. At exit Lanterna's own hook restores them too.
   */
  public static synchronized void prepare() {
    if (prepared != null) return;
    java.util.concurrent.CompletableFuture<UnixTerminal> f = new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        UnixTerminal u = newTerminal();
        com.googlecode.lanterna.TextCharacter.fromCharacter(' ');
        f.complete(u);
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "clinic-reader-tty");
    t.setDaemon(true);
    prepared = f;
    t.start();
  }

  /** Closes a terminal {@link #prepare} set up that no reader took, restoring the tty's modes. */
  public static void discardPrepared() {
    java.util.concurrent.CompletableFuture<UnixTerminal> f;
    synchronized (TerminalReader.class) {
      f = prepared;
      prepared = null;
    }
    if (f == null) return;
    try {
      f.join().close();
    } catch (IOException | RuntimeException ignored) {
      // it was never set up, or cannot be given back: nothing more to do
    }
  }

  /** The prepared terminal, else a new one. */
  private static UnixTerminal takeTerminal() throws IOException {
    java.util.concurrent.CompletableFuture<UnixTerminal> f;
    synchronized (TerminalReader.class) {
      f = prepared;
      prepared = null;
    }
    if (f == null) return newTerminal();
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      // as if it had been set up here
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error er) throw er;
      throw e;
    }
  }

  private static UnixTerminal newTerminal() throws IOException {
    FlushingOutput out = new FlushingOutput(new FileOutputStream(FileDescriptor.out));
    return new ClusterTerminal(System.in, out, StandardCharsets.UTF_8, UnixTerminal.CtrlCBehaviour.TRAP);
  }

  /** Runs the reader until the user quits; returns the exit code (0, or 1 after an unexpected error). */
  public static int run(Options options, PrintWriter err) {
    return run(options, ReadingMemory.none(), null, err);
  }

  /**
   * Runs the reader remembering positions, read marks and bookmarks in {@code memory}, which is
   * written on quit and on SIGTERM too; a warning of that last write goes to {@code err}.
   */
  public static int run(Options options, ReadingMemory memory, PrintWriter err) {
    return run(options, memory, null, err);
  }

  /** Runs the reader as a live preview ({@code preview} may be null: plain reading). */
  public static int run(Options options, PreviewRun preview, PrintWriter err) {
    return run(options, ReadingMemory.none(), preview, err);
  }

  /** Runs the reader with {@code memory} and, when not null, as a live {@code preview}. */
  public static int run(Options options, ReadingMemory memory, PreviewRun preview, PrintWriter err) {
    TerminalReader r = new TerminalReader();
    r.memory = memory;
    int code = r.loop(options, preview, err);
    memory.flush().ifPresent(w -> {
      err.println("clinic-reader: " + w);
      err.flush();
    });
    return code;
  }

  private ReadingMemory memory = ReadingMemory.none();

  private int loop(Options o, PreviewRun preview, PrintWriter err) {
    Throwable failure = null;
    PreviewWatcher watcher = null;
    Thread hook = new Thread(this::restore, "clinic-reader-restore");
    Runtime.getRuntime().addShutdownHook(hook);
    // SIGTERM or SIGHUP: the reading position is written before the JVM exits
    Thread saver = new Thread(memory::flush, "clinic-reader-save");
    Runtime.getRuntime().addShutdownHook(saver);
    try {
      synchronized (lock) {
        UnixTerminal unix = takeTerminal();
        terminal = unix;
        if (o.mouse()) unix.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
      }
      Keymap keymap = Keymap.standard();
      ReaderSession session = new ReaderSession(screen, new Update(keymap, o.theme(), o.maxWidth()), keymap,
          o.source(), o.theme(), o.initial(), memory);
      session.findInBackground();
      // ---- preview: the editor, and a live preview's reloads and file watcher
      session.editor(this::edit);
      if (preview != null) session.reloader(preview.source());
      session.dispatch(o.first());
      if (preview != null && preview.watch()) {
        watcher = PreviewWatcher.start(preview.file(), () -> session.post(new Intent.FileChanged()));
      }
      boolean dirty = true;
      boolean keyed = false;
      while (session.running()) {
        if (session.deliverPosted()) dirty = true; // finding: the search index, built in the background
        if (dirty) {
          synchronized (lock) {
            if (restored) break;
            if (keyed && FAULT_ON_DRAW) throw new IllegalStateException(FAULT + "=draw: drawing failed on purpose");
            session.draw();
          }
          dirty = false;
        }
        if (session.drainPosted()) {
          dirty = true;
          continue;
        }
        KeyStroke k = screen.pollInput();
        if (k == null) {
          if (session.idle()) dirty = true;
          if (session.resizeIfNeeded()) {
            dirty = true;
          } else {
            Thread.sleep(15);
          }
          continue;
        }
        // handle every key that is already waiting before drawing again (held keys, pastes)
        while (k != null && session.running()) {
          if (k.getKeyType() == KeyType.EOF) {
            session.dispatch(new Intent.Quit());
            break;
          }
          session.key(k);
          keyed = true;
          k = screen.pollInput();
        }
        session.resizeIfNeeded();
        dirty = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
    } finally {
      if (watcher != null) watcher.close();
      restore();
      try {
        Runtime.getRuntime().removeShutdownHook(saver);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook writes the state
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook has run or will find the terminal restored
      }
    }
    if (failure == null) return 0;
    String what = Text.cleanLine(String.valueOf(failure));
    try {
      Path log = CrashLog.write(failure);
      err.println("clinic-reader: unexpected error: " + what + " (details in " + log + ")");
    } catch (IOException | RuntimeException e) {
      err.println("clinic-reader: unexpected error: " + what + " (could not write the log: "
          + Text.cleanLine(String.valueOf(e.getMessage())) + ")");
    }
    err.flush();
    return 1;
  }

  /**
   * Runs the user's editor for {@link Effect.Edit}: leaves the alternate screen and gives the tty
   * its own modes back, runs the editor in the foreground, then takes the terminal back (the
   * session repaints every cell).
   */
  private Intent edit(Effect.Edit e) {
    List<String> cmd = ExternalEditor.command(e.file(), e.line());
    synchronized (lock) {
      if (restored) return new Intent.EditFailed("The reader is closing");
      try {
        screen.stopScreen();
        if (terminal instanceof ClusterTerminal c) c.suspend();
      } catch (IOException ex) {
        return new Intent.EditFailed("Cannot hand the terminal to the editor: " + Text.cleanLine(String.valueOf(ex.getMessage())));
      }
    }
    try {
      return ExternalEditor.run(cmd);
    } finally {
      synchronized (lock) {
        if (!restored) {
          try {
            if (terminal instanceof ClusterTerminal c) c.resume();
            screen.startScreen();
            screen.setCursorPosition(null);
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        }
      }
    }
  }

  /** Leaves the alternate screen, shows the cursor and restores the tty modes; runs once. */
  private void restore() {
    synchronized (lock) {
      if (restored) return;
      restored = true;
      try {
        if (screen != null) screen.stopScreen();
      } catch (IOException | RuntimeException ignored) {
        // still try to give the tty modes back below
      }
      try {
        if (terminal != null) {
          terminal.setCursorVisible(true);
          terminal.flush();
          terminal.close();
        }
      } catch (IOException | RuntimeException ignored) {
        // nothing more can be done for the terminal
      }
    }
  }
}
