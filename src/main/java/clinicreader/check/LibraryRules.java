package clinicreader.check;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Problem;
import clinicreader.content.Problem.Severity;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rules across articles: no two with the same slug, file name or title. */
final class LibraryRules {
  private LibraryRules() {}

  static void check(List<ArticleMeta> articles, Findings out) {
    List<ArticleMeta> sorted = articles.stream().sorted(Comparator.comparing(ArticleMeta::slug)).toList();
    Map<String, ArticleMeta> slugs = new LinkedHashMap<>();
    Map<String, ArticleMeta> names = new LinkedHashMap<>();
    Map<String, ArticleMeta> titles = new LinkedHashMap<>();
    for (ArticleMeta a : sorted) {
      String slug = a.slug().toLowerCase(Locale.ROOT);
      ArticleMeta same = slugs.putIfAbsent(slug, a);
      if (same != null) {
        // slugs differing only in case collide on case-insensitive file systems and in links
        out.add(Rule.DUPLICATE_SLUG, a.path(), 0, 0, "slug \"" + a.slug() + "\" differs from \"" + same.slug()
            + "\" only in case; rename one file");
      } else {
        String name = slug.contains("/") ? slug.substring(slug.lastIndexOf('/') + 1) : slug;
        ArticleMeta other = names.putIfAbsent(name, a);
        if (other != null) {
          out.add(Rule.DUPLICATE_SLUG, Severity.WARNING, a.path(), 0, 0, "another article is also named \""
              + name + "\" (" + Problem.display(other.path()) + "); links by name may reach the wrong one");
        }
      }
      String title = a.title().strip().toLowerCase(Locale.ROOT);
      ArticleMeta first = titles.putIfAbsent(title, a);
      if (first != null) {
        out.add(Rule.DUPLICATE_TITLE, a.path(), a.front().lineOf("title", 2), 1, "title \"" + a.title()
            + "\" is also the title of " + Problem.display(first.path()) + "; give each article its own title");
      }
    }
  }
}
