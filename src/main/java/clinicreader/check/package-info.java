/**
 * The publishing check: rules that read the article library and the clinic profile and return
 * located {@link clinicreader.content.Problem} findings (severity and rule id), plus the
 * template for new drafts. Depends on {@code content} (and {@code layout} for shared
 * definitions); never prints.
 */
package clinicreader.check;
