package clinicreader.cli;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.Library;
import clinicreader.content.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The library and clinic profile a command works on, opened once, with warnings printed. */
final class Workspace {
  final Library library;
  final Clinic clinic;

  private Workspace(Library library, Clinic clinic) {
    this.library = library;
    this.clinic = clinic;
  }

  /** Opens the library; prints its warnings to {@code err}. */
  static Workspace open(LibraryOptions opts, PrintWriter err) throws ContentException {
    return open(opts, err, null);
  }

  /**
   * Opens the library; when there is none but {@code file} names an existing file, works on an
   * empty library beside that file instead (for render and preview of loose files).
   */
  static Workspace open(LibraryOptions opts, PrintWriter err, String file) throws ContentException {
    Library lib;
    try {
      lib = Library.open(opts.directory(), opts.maxBytes);
    } catch (ContentException e) {
      if (file == null || !Files.isRegularFile(Path.of(file))) throw e;
      Path parent = Path.of(file).toAbsolutePath().getParent();
      return new Workspace(Library.empty(parent, opts.maxBytes), Clinic.defaults());
    }
    for (Problem p : lib.warnings()) err.println(p.brief());
    Clinic clinic = clinic(lib.root(), err);
    return new Workspace(lib, clinic);
  }

  /** Reads the clinic profile from {@code dir}; a broken one prints its error and gives defaults. */
  static Clinic clinic(Path dir, PrintWriter err) {
    try {
      ClinicLoader.Result r = ClinicLoader.load(dir);
      for (Problem p : r.warnings()) err.println(p.brief());
      return r.clinic();
    } catch (ContentException e) {
      err.println(e.problem().brief());
      return Clinic.defaults();
    }
  }

  /** A target named on the command line: an existing file path, else a slug of the library. */
  record Target(ArticleMeta meta, Path file, String slug) {}

  Optional<Target> find(String arg) {
    try {
      return findPath(arg);
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  private Optional<Target> findPath(String arg) {
    Path p = Path.of(arg);
    // a named "x.md" that is a folder, pipe or device is read (and refused with its reason), not looked up as a slug
    if (Files.isRegularFile(p) || (arg.endsWith(".md") && Files.exists(p))) {
      Path abs = p.toAbsolutePath().normalize();
      for (ArticleMeta m : library.all()) {
        if (m.path().toAbsolutePath().normalize().equals(abs)) return Optional.of(new Target(m, abs, m.slug()));
      }
      String slug = abs.startsWith(library.root()) ? Library.slugOf(library.root(), abs)
          : stripMd(abs.getFileName().toString());
      return Optional.of(new Target(null, abs, slug));
    }
    String slug = stripMd(arg);
    Optional<Target> known = library.bySlug(slug).map(m -> new Target(m, m.path(), m.slug()));
    if (known.isPresent()) return known;
    // a file the library left out (broken front matter) is still rendered by its slug
    Path file = library.root().resolve(slug + ".md").normalize();
    if (file.startsWith(library.root()) && Files.isRegularFile(file) && ArticleFiles.isInside(library.root(), file)) {
      return Optional.of(new Target(null, file, slug));
    }
    return Optional.empty();
  }

  Article.Loaded load(Target t) throws ContentException {
    return Article.load(t.file(), t.slug(), library.maxBytes());
  }

  List<ArticleMeta> related(ArticleMeta meta, boolean drafts) {
    return library.related(meta, 3, drafts || meta.front().draft());
  }

  static String stripMd(String s) {
    return s.endsWith(".md") ? s.substring(0, s.length() - 3) : s;
  }
}
