package clinicreader.check;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.ClinicLoader;
import clinicreader.content.ContentException;
import clinicreader.content.FrontMatterParser;
import clinicreader.content.Library;
import clinicreader.content.Outline;
import clinicreader.content.Problem;
import clinicreader.content.Problem.Severity;
import clinicreader.content.Text;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The publishing check: reads an articles directory (or chosen files and folders in it) and its
 * {@code clinic.json}, runs every {@link Rule}, and returns the findings. Prints nothing.
 */
public final class ContentCheck {
  private ContentCheck() {}

  /** {@code strict}: every warning counts as an error; {@code maxBytes}: the library's size limit. */
  public record Options(boolean strict, long maxBytes) {}

  /** What to check under one root: everything, or some files and folders. */
  record Selection(boolean all, Set<Path> files, Set<Path> dirs) {
    static Selection everything() {
      return new Selection(true, new TreeSet<>(), new TreeSet<>());
    }

    boolean has(Path file) {
      return all || files.contains(file) || dirs.stream().anyMatch(file::startsWith);
    }
  }

  /**
   * Checks {@code paths} (files or folders, which must exist), or the whole {@code articlesDir}
   * when there are none. A path inside {@code articlesDir} is checked against that library; a
   * folder elsewhere is checked as a library of its own; a file elsewhere against its folder.
   *
   * @throws ContentException when a library cannot be opened at all
   */
  public static CheckReport run(Path articlesDir, List<Path> paths, Options options) throws ContentException {
    Path home = articlesDir.toAbsolutePath().normalize();
    if (paths.isEmpty()) return check(home, Selection.everything(), options);
    Map<Path, Selection> groups = new LinkedHashMap<>();
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      Path root;
      if (Files.isDirectory(home) && ArticleFiles.isInside(home, abs)) {
        root = home;
        abs = underRoot(home, abs);
      } else if (Files.isDirectory(abs)) {
        root = abs;
      } else {
        root = abs.getParent();
      }
      Selection sel = groups.computeIfAbsent(root, r -> new Selection(false, new TreeSet<>(), new TreeSet<>()));
      if (abs.equals(root)) {
        groups.put(root, Selection.everything());
      } else if (Files.isDirectory(abs)) {
        sel.dirs().add(abs);
      } else {
        sel.files().add(abs);
      }
    }
    CheckReport report = new CheckReport(List.of(), 0);
    for (Map.Entry<Path, Selection> g : groups.entrySet()) {
      report = report.plus(check(g.getKey(), g.getValue(), options));
    }
    return report;
  }

  /**
   * The findings for one already loaded article (for a live preview): its own rules, with links,
   * related slugs and calls-to-action resolved against {@code library} and {@code clinic}.
   * Front matter and body rules run only when {@code problems} (from loading) is empty.
   */
  public static List<Problem> article(Article.Loaded loaded, Library library, Clinic clinic, boolean strict) {
    Findings out = new Findings();
    loaded.problems().forEach(out::addError);
    Map<Path, Outline> outlines = new HashMap<>();
    Function<ArticleMeta, Outline> outlineOf = m -> outlines.computeIfAbsent(m.path().toAbsolutePath().normalize(), p -> {
      try {
        return Article.load(p, m.slug(), library.maxBytes()).article().outline();
      } catch (ContentException e) {
        return null;
      }
    });
    boolean ok = loaded.problems().isEmpty();
    ArticleRules.check(loaded.article(), ok, ok, new ArticleRules.Context(library, clinic, true, outlineOf), out);
    List<Problem> all = new ArrayList<>(out.list());
    if (strict) all.replaceAll(ContentCheck::asError);
    all.sort(CheckReport.ORDER);
    return List.copyOf(all);
  }

  private static Problem asError(Problem p) {
    return p.isError() ? p : new Problem(p.file(), p.line(), p.column(), Severity.ERROR, p.message(), p.rule());
  }

  /** {@code abs} spelled under {@code root}'s own path, even when reached through a link. */
  private static Path underRoot(Path root, Path abs) {
    try {
      return root.resolve(root.toRealPath().relativize(abs.toRealPath())).normalize();
    } catch (IOException | IllegalArgumentException e) {
      return abs;
    }
  }

  /** Checks the selected part of the library at {@code root}. */
  static CheckReport check(Path root, Selection sel, Options options) throws ContentException {
    Library lib = Library.open(root, options.maxBytes());
    Findings out = new Findings();
    int files = 0;

    Path clinicFile = lib.root().resolve(ClinicLoader.FILE_NAME);
    boolean clinicExists = Files.isRegularFile(clinicFile);
    Clinic clinic = null;
    if (clinicExists) {
      Findings cf = new Findings();
      boolean usable = ClinicRules.check(clinicFile, cf);
      if (sel.all() || sel.files().contains(clinicFile)) {
        cf.list().forEach(out.list()::add);
        files++;
      }
      if (usable) {
        try {
          clinic = ClinicLoader.load(lib.root()).clinic();
        } catch (ContentException e) {
          // reported by the rules above; calls-to-action cannot be checked without it
          clinic = null;
        }
      }
    } else {
      // the reader falls back to defaults without ctas, so every cta an article names is missing
      clinic = Clinic.defaults();
      if (sel.all()) {
        out.add(Rule.CLINIC, Severity.WARNING, clinicFile, 0, 0,
            "no clinic.json: readers see no contact details or calls-to-action (create one, see README)");
      }
    }

    Map<Path, ArticleMeta> byPath = new HashMap<>();
    for (ArticleMeta m : lib.all()) byPath.put(m.path().toAbsolutePath().normalize(), m);
    Map<Path, Outline> outlines = new HashMap<>();
    Function<ArticleMeta, Outline> outlineOf = m -> outlines.computeIfAbsent(m.path().toAbsolutePath().normalize(), p -> {
      try {
        return Article.load(p, m.slug(), options.maxBytes()).article().outline();
      } catch (ContentException e) {
        return null;
      }
    });
    ArticleRules.Context ctx = new ArticleRules.Context(lib, clinic, clinicExists, outlineOf);

    TreeSet<Path> targets = new TreeSet<>();
    for (Path f : markdownFiles(lib.root())) if (sel.has(f)) targets.add(f);
    for (Path f : sel.files()) if (!f.equals(clinicFile)) targets.add(f);
    for (Path f : targets) {
      files++;
      checkFile(f, lib, byPath, ctx, options, out);
    }

    Findings across = new Findings();
    LibraryRules.check(lib.all(), across);
    Set<String> shown = new TreeSet<>();
    for (Path f : targets) shown.add(Problem.display(f));
    for (Problem p : across.list()) if (shown.contains(p.file())) out.list().add(p);

    List<Problem> all = new ArrayList<>(out.list());
    if (options.strict()) {
      all.replaceAll(ContentCheck::asError);
    }
    return new CheckReport(all, files);
  }

  private static void checkFile(Path f, Library lib, Map<Path, ArticleMeta> byPath, ArticleRules.Context ctx,
      Options options, Findings out) {
    fileName(lib.root(), f, out);
    ArticleMeta meta = byPath.get(f);
    boolean frontMatterOk = meta != null;
    String slug = Library.slugOf(lib.root(), f);
    if (meta == null) {
      if (Files.exists(f) && !ArticleFiles.isInside(lib.root(), f)) {
        out.add(Rule.FILE, f, 0, 0, "links outside the articles directory; the library skips it");
        return;
      }
      try {
        Library.readMeta(f, slug, options.maxBytes());
        frontMatterOk = true;
      } catch (ContentException e) {
        out.addError(e.problem());
        if (!Rule.FRONT_MATTER.id().equals(e.problem().rule())) return;
      }
    }
    Article article;
    try {
      article = Article.load(f, slug, options.maxBytes()).article();
    } catch (ContentException e) {
      if (frontMatterOk) out.addError(e.problem());
      return;
    }
    boolean bodyOk = frontMatterOk;
    if (!bodyOk) {
      try {
        FrontMatterParser.split(f, article.source().text());
        bodyOk = true;
      } catch (ContentException e) {
        // no body to check: the whole file would be read as Markdown
      }
    }
    ArticleRules.check(article, frontMatterOk, bodyOk, ctx, out);
  }

  /** A control, line break or bidi character in the path under the root: shown garbled, hard to type. */
  private static void fileName(Path root, Path f, Findings out) {
    String rel = f.startsWith(root) ? root.relativize(f).toString() : String.valueOf(f.getFileName());
    for (int i = 0; i < rel.length(); ) {
      int cp = rel.codePointAt(i);
      if (cp < 0x20 || Text.isUnsafe(cp)) {
        String what = Text.isBidiControl(cp) ? "bidirectional control character" : "control character";
        out.add(Rule.ENCODING, f, 0, 0, "file name has " + what + String.format(" U+%04X", cp)
            + "; rename the file");
        return;
      }
      i += Character.charCount(cp);
    }
  }

  /** Every {@code *.md} under {@code root}, as the library finds them (hidden ones skipped). */
  static List<Path> markdownFiles(Path root) throws ContentException {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) return FileVisitResult.CONTINUE;
          String name = dir.getFileName().toString();
          if (name.startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
          if (name.endsWith(".md")) found.add(dir);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (name.endsWith(".md") && !name.startsWith(".")) found.add(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ContentException(Problem.error(root, 0, 0, "cannot list: " + e.getMessage(), "library"));
    }
    return found;
  }
}
