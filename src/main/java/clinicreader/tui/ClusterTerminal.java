package clinicreader.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * A Unix terminal that writes a cell's whole grapheme cluster at once. Lanterna's
 * {@code putString} encodes one UTF-16 char at a time, which turns every character outside
 * the Basic Multilingual Plane (most emoji) into "??" on a real terminal, even when the screen
 * holds the right cell.
 */
final class ClusterTerminal extends UnixTerminal {
  ClusterTerminal(InputStream in, OutputStream out, Charset charset, CtrlCBehaviour ctrlC) throws IOException {
    super(in, out, charset, ctrlC);
  }

  @Override
  public void putString(String s) throws IOException {
    if (s.length() <= 1 || !safe(s)) {
      super.putString(s);
      return;
    }
    writeToTerminal(s.getBytes(getCharset()));
  }

  // ---- preview: handing the terminal to an editor and taking it back

  /** Gives the tty the modes it had before the reader, for a program run in the foreground. */
  void suspend() throws IOException {
    restoreTerminalSettings();
  }

  /** Takes the tty back as the reader set it up: no echo, no line editing, Ctrl-C as a key. */
  void resume() throws IOException {
    canonicalMode(false);
    keyEchoEnabled(false);
    keyStrokeSignalsEnabled(false);
  }

  /** Only printable text bypasses Lanterna's per-character filter (page text is already clean). */
  private static boolean safe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return false;
    }
    return true;
  }
}
