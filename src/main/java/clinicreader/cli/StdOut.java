package clinicreader.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output: a UTF-8 character writer for most output, and the byte stream beneath it for
 * commands that write a lot of text they can encode themselves (a character writer costs a
 * copy and an encoding pass per character).
 */
final class StdOut extends PrintWriter {
  private final OutputStream bytes;

  StdOut(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), false);
    this.bytes = bytes;
  }

  /** The byte stream beneath, after everything written as characters so far has gone to it. */
  OutputStream bytes() {
    flush();
    return bytes;
  }
}
