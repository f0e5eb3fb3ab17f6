/**
 * Finding things in the library: a case- and accent-insensitive word-prefix search over titles,
 * tags, summaries and body text ({@link clinicreader.search.SearchIndex} for search as you type,
 * {@link clinicreader.search.LibraryScan} for one query over a whole folder), ranked results with
 * one-line snippets, and {@link clinicreader.search.PageMatches} for matches on a laid-out page.
 * Depends on {@code content}, and on {@code layout} only for display widths and page lines.
 */
package clinicreader.search;
