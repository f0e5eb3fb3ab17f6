package clinicreader.tui;

import clinicreader.layout.Theme;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Draws the library and an article on a virtual terminal, pressing the common keys, so that a
 * class-data-sharing archive made from this run holds the reader's classes.
 */
public final class ReaderWarmup {
  private ReaderWarmup() {}

  public static void run(ReaderState library, Intent.Opened article, Theme theme) throws IOException {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(120, 40));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    Keymap keymap = Keymap.standard();
    ReaderSession s = new ReaderSession(screen, new Update(keymap, theme, Geometry.DEFAULT_MAX_WIDTH), keymap,
        slug -> article, theme, library);
    s.draw();
    for (String k : new String[] {"j", "k", "s", "s", "?", "q", "c", "c"}) {
      s.key(new KeyStroke(k.charAt(0), false, false));
      s.draw();
    }
    s.dispatch(article);
    s.draw();
    for (KeyStroke k : new KeyStroke[] {new KeyStroke('j', false, false), new KeyStroke(KeyType.PageDown),
        new KeyStroke('1', false, false), new KeyStroke(']', false, false), new KeyStroke(':', false, false),
        new KeyStroke('2', false, false), new KeyStroke(KeyType.Enter), new KeyStroke(KeyType.Tab),
        new KeyStroke(KeyType.Enter), new KeyStroke('t', false, false), new KeyStroke('c', false, false),
        new KeyStroke(KeyType.Escape), new KeyStroke('G', false, false)}) {
      s.key(k);
      s.draw();
    }
    vt.setTerminalSize(new TerminalSize(80, 24));
    s.resizeIfNeeded();
    s.draw();
    s.key(new KeyStroke('q', false, false));
    s.draw();
    screen.stopScreen();
    // the real terminal's classes cannot be used without a tty, but can be loaded for the archive
    for (Class<?> c : new Class<?>[] {ClusterTerminal.class, TerminalReader.class, CrashLog.class}) {
      try {
        Class.forName(c.getName(), false, c.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    try (FlushingOutput out = new FlushingOutput(new ByteArrayOutputStream())) {
      out.write("\u001b[6n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
  }
}
