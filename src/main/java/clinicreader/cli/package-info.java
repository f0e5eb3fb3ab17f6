/**
 * The command line (picocli): parses arguments, opens the library, and hands work to the
 * layout engine or the terminal UI. The only package that imports picocli; only
 * {@link clinicreader.cli.Main#main} touches {@code System.exit}.
 */
package clinicreader.cli;
