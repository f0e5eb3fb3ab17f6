package clinicreader.cli;

import clinicreader.content.ArticleFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the articles are, shared by every command. */
public final class LibraryOptions {
  @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
      description = "Articles directory (default: $CLINIC_READER_DIR, else ./articles).")
  Path dir;

  @Option(names = "--drafts", description = "Include articles marked 'draft: true'.")
  boolean drafts;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Skip article files larger than N bytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ArticleFiles.DEFAULT_MAX_BYTES)
  long maxBytes = ArticleFiles.DEFAULT_MAX_BYTES;

  /** The articles directory chosen by option, environment or default. */
  public Path directory() {
    if (dir != null) return dir;
    String env = System.getenv("CLINIC_READER_DIR");
    if (env != null && !env.isBlank()) return Path.of(env);
    return Path.of("articles");
  }
}
