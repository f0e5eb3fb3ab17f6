package clinicreader.tui;

import java.nio.file.Path;

/**
 * How the terminal reader runs as a live preview of {@code file}: {@code source} reads it
 * again (with the content check), and with {@code watch} every save of the file reloads it.
 */
public record PreviewRun(Path file, boolean watch, PreviewSource source) {}
