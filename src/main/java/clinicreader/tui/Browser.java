package clinicreader.tui;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an address with the command in {@code $BROWSER}: the first of its ':'-separated
 * commands, split at spaces, with "%s" replaced by the address (else the address added last).
 * Started directly, never through a shell, detached from the reader's terminal: no input, output
 * discarded, not waited for.
 */
public final class Browser {
  private Browser() {}

  /** The command line for {@code url}, or an empty list when {@code browser} names no command. */
  public static List<String> command(String browser, String url) {
    List<String> argv = new ArrayList<>();
    if (browser == null || browser.isBlank()) return argv;
    String first = browser.split(":", -1)[0].strip();
    boolean placed = false;
    for (String part : first.split("\\s+")) {
      if (part.isEmpty()) continue;
      if (part.contains("%s")) {
        argv.add(part.replace("%s", url));
        placed = true;
      } else {
        argv.add(part);
      }
    }
    if (argv.isEmpty()) return argv;
    if (!placed) argv.add(url);
    return argv;
  }

  /** Starts the browser on {@code url}; returns a one-line note for the link panel. */
  public static String open(String browser, String url) {
    List<String> argv = command(browser, url);
    if (argv.isEmpty()) return "$BROWSER is not set: copy the address to open it.";
    try {
      new ProcessBuilder(argv)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return "Opened with " + clinicreader.content.Text.cleanLine(argv.get(0)) + ".";
    } catch (IOException | RuntimeException e) {
      return "Could not start $BROWSER (" + clinicreader.content.Text.cleanLine(argv.get(0)) + "): copy the address.";
    }
  }
}
