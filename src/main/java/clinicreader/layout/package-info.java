/**
 * The one layout engine: (document, width, theme) to lines of styled spans, with the line where
 * each section starts. Pure: no terminal, no I/O. Depends only on {@code content} and
 * commonmark: never Lanterna, picocli or Jackson. The TUI paints these lines; {@code render}
 * writes them with {@link clinicreader.layout.LineWriter}.
 */
package clinicreader.layout;
