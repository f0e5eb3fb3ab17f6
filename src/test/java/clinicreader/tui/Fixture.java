package clinicreader.tui;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.Library;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The test library under src/test/resources, and readers on it. */
final class Fixture {
  static final Theme THEME = Theme.mono();
  final Library library;
  final Clinic clinic;
  final Keymap keymap = Keymap.standard();
  final Update update = new Update(keymap, THEME, Geometry.DEFAULT_MAX_WIDTH);

  Fixture() {
    try {
      Path dir = Path.of(Fixture.class.getResource("articles").toURI());
      library = Library.open(dir, 1 << 20);
      clinic = ClinicLoader.load(dir).clinic();
    } catch (URISyntaxException | ContentException e) {
      throw new IllegalStateException(e);
    }
  }

  ArticleSource source() {
    return slug -> {
      Optional<ArticleMeta> m = library.bySlug(slug);
      if (m.isEmpty()) return new Intent.OpenFailed(slug, "No article '" + slug + "'");
      try {
        Article a = library.load(m.get()).article();
        return new Intent.Opened(slug, new PageLayout.Input(a, clinic, library.related(a.meta(), 3, false)), List.of());
      } catch (ContentException e) {
        return new Intent.OpenFailed(slug, e.problem().brief());
      }
    };
  }

  Intent.Opened opened(String slug) {
    return (Intent.Opened) source().open(slug);
  }

  ReaderState library(int w, int h) {
    return ReaderState.library(clinic, library.visible(false), w, h);
  }

  ReaderState article(String slug, int w, int h) {
    return update.apply(library(w, h), opened(slug)).state();
  }
}
