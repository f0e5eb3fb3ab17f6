/**
 * The article library: reading article files (encoding, front matter, Markdown), the clinic
 * profile, and the numbered outline. Depends on nothing else in the project; the only package
 * (with {@code state}) that uses Jackson. Never writes to a terminal.
 */
package clinicreader.content;
