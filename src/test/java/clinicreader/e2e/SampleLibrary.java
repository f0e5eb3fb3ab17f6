package clinicreader.e2e;

import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import clinicreader.content.Outline;

/** What the end-to-end tests expect to see of the sample library in {@code articles/}. */
final class SampleLibrary {
  private SampleLibrary() {}

  /** The article the library lists first (by date), which Enter opens. */
  static ArticleMeta firstArticle() throws Exception {
    Library lib = Library.open(TmuxPane.PROJECT.resolve("articles"), 1 << 20);
    return lib.visible(false).stream().sorted(Library.Sort.DATE.comparator()).findFirst().orElseThrow();
  }

  /** The title of the section numbered {@code number} ("3"). */
  static String section(Outline o, String number) {
    return o.sections().get(o.indexOfNumber(number)).title();
  }
}
