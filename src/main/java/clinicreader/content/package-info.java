/**
 * The article library: reading article files (encoding, front matter, Markdown), the clinic
 * profile, and the numbered outline. Depends on nothing else in the project. Jackson (JSON and
 * YAML) is used here and in {@code state}, {@code check} and {@code search} only. Never writes to
 * a terminal.
 */
package clinicreader.content;
