/**
 * The terminal reader: library and article screens drawn with Lanterna. The only package that
 * imports Lanterna. Keys become {@link clinicreader.tui.Intent}s ({@link clinicreader.tui.Keymap}),
 * {@link clinicreader.tui.Update} turns a state and an intent into a new state plus
 * {@link clinicreader.tui.Effect}s without any I/O, and the screens paint the state's
 * {@link clinicreader.layout.Line}s cell by cell. Text is never laid out here: pages come from
 * {@link clinicreader.layout.PageLayout}, widths from {@link clinicreader.layout.Cells}.
 *
 * <p>Testing hook: with the environment variable {@code CLINIC_READER_FAULT=draw} the terminal
 * reader throws while drawing the first frame after a key, so tests can prove that an unexpected
 * error gives the terminal back, names the error log and exits with 1. It is read once when the
 * program starts; no other value does anything, and it is not meant for users.
 */
package clinicreader.tui;
