package clinicreader.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;

/**
 * Hidden entry point for the launcher: runs one short command ({@code render}, {@code list},
 * {@code search} or {@code contact}) as a user runs it, on a sample library in a temporary
 * folder, so that the classes it loads can be recorded for that command's own class-data-sharing
 * archive. An archive holding only those classes maps faster at start-up than the reader's.
 * The launcher points {@code XDG_CACHE_HOME} at a temporary folder for this run, so the user's
 * caches are never touched.
 */
public final class ShortWarmup {
  private ShortWarmup() {}

  /** The commands that have their own archive. */
  static final java.util.List<String> COMMANDS = java.util.List.of("render", "list", "search", "contact");

  /** {@code ShortWarmup COMMAND}: exits 0 when the command's runs succeeded. */
  public static void main(String[] args) throws Exception {
    // through the main entry's own path, to the real standard output (the launcher discards it)
    System.exit(args.length == 1 ? run(args[0], true) : Main.USAGE);
  }

  static int run(String command) throws Exception {
    return run(command, false);
  }

  /** Runs the command's usual invocations; {@code real}: as {@code main} does, to the real streams. */
  static int run(String command, boolean real) throws Exception {
    if (!COMMANDS.contains(command)) return Main.USAGE;
    Path dir = Files.createTempDirectory("clinic-reader-warmup");
    try {
      // old enough for the caches to keep them, so that their reading paths run too
      FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
      Path sample = dir.resolve("sample.md");
      // front matter as articles usually have it (an empty list would take the full YAML parser)
      Files.writeString(sample, WarmupCommand.SAMPLE.replace("related: []\n", ""), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(sample, old);
      Path page = dir.resolve("page.md");
      Files.writeString(page, WarmupCommand.SAMPLE.replace("related: []", "related: [sample]"), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(page, old);
      Files.writeString(dir.resolve(clinicreader.content.ClinicLoader.FILE_NAME), WarmupCommand.CLINIC, StandardCharsets.UTF_8);
      String d = dir.toString();
      String[][] runs = switch (command) {
        case "render" -> new String[][] {
            {"render", "--dir", d, "--color", "never", "-w", "80", "page"},
            {"render", "--dir", d, "--color", "always", "-w", "80", "page"}};
        case "list" -> new String[][] {
            {"list", "--json", "--dir", d}, {"list", "--json", "--dir", d}, {"list", "--dir", d}};
        case "search" -> new String[][] {
            {"search", "--dir", d, "sect", "emphasis"}, {"search", "--dir", d, "sect", "emphasis"},
            {"search", "--dir", d, "--color", "always", "quoted"}};
        default -> new String[][] {{"contact", "--dir", d}};
      };
      int worst = Main.OK;
      PrintWriter err = new PrintWriter(Writer.nullWriter());
      for (String[] args : runs) {
        // to a byte stream, as on a real standard output
        if (real) {
          worst = Math.max(worst, Main.launch(args));
        } else {
          StdOut out = new StdOut(OutputStream.nullOutputStream());
          worst = Math.max(worst, Main.run(args, out, err));
          out.flush();
        }
      }
      return worst;
    } finally {
      try (var s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
  }
}
