package clinicreader.cli;

import clinicreader.content.ArticleFiles;
import clinicreader.state.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the articles are, shared by every command. */
public final class LibraryOptions {
  @Option(names = {"-d", "--dir"}, paramLabel = "DIR",
      description = "Articles directory (default: $CLINIC_READER_DIR, else the config file's \"dir\", else ./articles).")
  Path dir;

  @Option(names = "--drafts", description = "Include articles marked 'draft: true'.")
  boolean drafts;

  @Option(names = "--max-bytes", paramLabel = "N", description = "Skip article files larger than N bytes (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ArticleFiles.DEFAULT_MAX_BYTES)
  long maxBytes = ArticleFiles.DEFAULT_MAX_BYTES;

  /** The articles directory chosen by option, environment, config file or default. */
  public Path directory() {
    return directory(System.getenv());
  }

  Path directory(java.util.Map<String, String> env) {
    if (dir != null) return dir;
    String named = env.get("CLINIC_READER_DIR");
    if (named != null && !named.isBlank()) return Path.of(named);
    // the config file only when there is one: reading it takes the JSON parser
    Path config = Settings.defaultFile(env);
    if (Files.isRegularFile(config)) {
      Path configured = Settings.load(config).settings().dir();
      if (configured != null) return configured;
    }
    return Path.of("articles");
  }
}
