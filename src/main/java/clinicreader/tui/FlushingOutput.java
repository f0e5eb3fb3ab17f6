package clinicreader.tui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A 64 KiB buffer for terminal output (Lanterna writes every escape sequence separately), that
 * flushes at once after a cursor position query (ESC [ 6 n): Lanterna waits for the answer
 * without flushing, and would otherwise stall.
 */
final class FlushingOutput extends BufferedOutputStream {
  private int tail; // the last bytes written, newest lowest

  FlushingOutput(OutputStream out) {
    super(out, 64 * 1024);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    super.write(b);
    track((byte) b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    super.write(b, off, len);
    for (int i = Math.max(off, off + len - 4); i < off + len; i++) track(b[i]);
  }

  private void track(byte b) throws IOException {
    tail = (tail << 8) | (b & 0xFF);
    if (tail == 0x1B5B366E) flush(); // ESC [ 6 n
  }
}
