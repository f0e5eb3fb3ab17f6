package clinicreader.cli;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.IndexStore;
import clinicreader.content.Library;
import clinicreader.content.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /**
   * What {@code render} needs for one article: the article's file, found without reading the
   * whole library when {@code arg} is a file or names {@code DIR/SLUG.md} directly; the library
   * is opened (through the index cache) only when that fails or when the related articles must
   * be chosen by shared tags.
   */
  static final class Single {
    private final LibraryOptions opts;
    private final PrintWriter err;
    private final Path root;
    final Clinic clinic;
    final Target target;
    private Workspace full;
    /** The library whose warnings were printed when it was opened, if any. */
    private Workspace printed;

    private Single(LibraryOptions opts, PrintWriter err, Path root, Clinic clinic, Target target, Workspace full) {
      this.opts = opts;
      this.err = err;
      this.root = root;
      this.clinic = clinic;
      this.target = target;
      this.full = full;
    }

    /** Whether opening the whole library already printed this problem (it opens silently here). */
    boolean warned(Problem p) {
      return printed != null && printed.library.warnings().contains(p);
    }

    /** The library root, for messages. */
    Path root() {
      return root;
    }

    Article.Loaded load() throws ContentException {
      return Article.load(target.file(), target.slug(), opts.maxBytes);
    }

    /** The article read, its body not parsed yet. */
    Article.Read read() throws ContentException {
      return Article.read(target.file(), target.slug(), opts.maxBytes);
    }

    /** The related articles, as {@link Library#related} chooses them. */
    List<ArticleMeta> related(ArticleMeta meta, boolean drafts) throws ContentException {
      boolean withDrafts = drafts || meta.front().draft();
      if (full == null && !meta.front().related().isEmpty()) {
        List<ArticleMeta> out = new ArrayList<>();
        boolean unsure = false;
        for (String slug : meta.front().related()) {
          if (slug.equals(meta.slug()) || out.stream().anyMatch(a -> a.slug().equals(slug))) continue;
          Path f = direct(root, slug);
          if (f == null) {
            // not at DIR/SLUG.md: only the whole library can tell whether it exists elsewhere
            unsure = true;
            break;
          }
          try {
            ArticleMeta m = Library.readMeta(f, slug, opts.maxBytes);
            if (withDrafts || !m.front().draft()) out.add(m);
          } catch (ContentException e) {
            // an unreadable article is left out of the library too
          }
        }
        if (!unsure && !out.isEmpty()) return out.size() > 3 ? out.subList(0, 3) : out;
      }
      if (full == null) full = Workspace.open(opts, err, null, false);
      return full.related(meta, drafts);
    }

    /** {@code root/slug.md} when it is a regular file inside the root, else null. */
    private static Path direct(Path root, String slug) {
      if (slug.isEmpty() || slug.startsWith(".") || slug.contains("\\") || slug.contains("/.")) return null;
      Path f = root.resolve(slug + ".md").normalize();
      if (!f.startsWith(root) || !Files.isRegularFile(f) || !ArticleFiles.isInside(root, f)) return null;
      // a slug is the cleaned relative path: only take the file when it gives back the same slug
      return Library.slugOf(root, f).equals(slug) ? f : null;
    }
  }

  /** Finds the article {@code arg} (a file path or a slug); empty when there is none. */
  static Optional<Single> single(LibraryOptions opts, PrintWriter err, String arg) throws ContentException {
    if (arg.indexOf('\0') >= 0) return Optional.empty(); // no file or slug has a NUL in it
    Path root = opts.directory().toAbsolutePath().normalize();
    if (Files.isDirectory(root)) {
      Path p = Path.of(arg);
      Path file = null;
      String slug = null;
      if (Files.isRegularFile(p)) {
        file = p.toAbsolutePath().normalize();
        slug = file.startsWith(root) ? Library.slugOf(root, file) : stripMd(file.getFileName().toString());
      } else {
        slug = stripMd(arg);
        file = Single.direct(root, slug);
      }
      if (file != null) {
        return Optional.of(new Single(opts, err, root, clinic(root, err), new Target(null, file, slug), null));
      }
    }
    Workspace ws = open(opts, err, arg);
    Optional<Target> t = ws.find(arg);
    if (t.isEmpty()) return Optional.empty();
    Single single = new Single(opts, err, ws.library.root(), ws.clinic, t.get(), ws);
    single.printed = ws;
    return Optional.of(single);
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
    return open(opts, err, file, true);
  }

  private static Workspace open(LibraryOptions opts, PrintWriter err, String file, boolean warn)
      throws ContentException {
    Library lib;
    try {
      lib = Library.open(opts.directory(), opts.maxBytes, IndexStore.userDefault());
    } catch (ContentException e) {
      if (file == null || !Files.isRegularFile(Path.of(file))) throw e;
      Path parent = Path.of(file).toAbsolutePath().getParent();
      return new Workspace(Library.empty(parent, opts.maxBytes), Clinic.defaults());
    }
    if (!warn) return new Workspace(lib, Clinic.defaults());
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
