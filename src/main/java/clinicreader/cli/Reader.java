package clinicreader.cli;

import clinicreader.content.Article;
import clinicreader.content.ContentException;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import clinicreader.tui.ArticleSource;
import clinicreader.tui.FindSource;
import clinicreader.tui.Geometry;
import clinicreader.tui.Intent;
import clinicreader.tui.ReaderState;
import clinicreader.tui.ReadingMemory;
import clinicreader.tui.TerminalReader;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Library;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Starts the terminal reader on a workspace: the article list, and how to open an article. */
final class Reader {
  private Reader() {}

  /** Reads articles of the workspace by slug for the reader; never throws for a bad article. */
  static ArticleSource source(Workspace ws, boolean drafts) {
    return slug -> {
      try {
        Optional<Workspace.Target> t = ws.find(slug);
        if (t.isEmpty()) return new Intent.OpenFailed(slug, "No article '" + Text.cleanLine(slug) + "'");
        Article.Loaded loaded = ws.load(t.get());
        Article a = loaded.article();
        List<String> problems = loaded.problems().stream().map(Problem::brief).toList();
        return new Intent.Opened(slug, new PageLayout.Input(a, ws.clinic, ws.related(a.meta(), drafts)), problems);
      } catch (ContentException e) {
        return new Intent.OpenFailed(slug, e.problem().brief());
      } catch (RuntimeException e) {
        return new Intent.OpenFailed(slug, "Cannot show '" + Text.cleanLine(slug) + "': "
            + Text.cleanLine(String.valueOf(e.getMessage())));
      }
    };
  }

  /**
   * The warnings to show when the reader starts: files the library skipped come first, in one
   * line on the status bar (they were also printed before the screen opened, where they are
   * hidden until the reader quits).
   */
  static List<String> withSkipped(List<clinicreader.content.Problem> skipped, List<String> warnings) {
    if (skipped.isEmpty()) return warnings;
    String first = skipped.get(0).brief();
    String line = skipped.size() == 1 ? "Skipped a file: " + first
        : "Skipped " + skipped.size() + " files ('clinic-reader check' lists them): " + first;
    List<String> all = new java.util.ArrayList<>();
    all.add(line);
    all.addAll(warnings);
    return all;
  }

  /** The reader's first state: the library screen. */
  static ReaderState initial(Workspace ws, boolean drafts) {
    return ReaderState.library(ws.clinic, ws.library.visible(drafts), 80, 24);
  }

  /**
   * Runs the reader with the chosen settings and the reading state, opening {@code first} (may
   * be null) before the first frame; it resumes where the reader stopped.
   */
  static int run(Workspace ws, LibraryOptions lib, ReaderOptions opts, Preferences prefs, Intent first, PrintWriter err) {
    java.util.Map<String, String> env = System.getenv();
    ReadingMemory memory = prefs.memory(env);
    ReaderState initial = initial(ws, lib.drafts);
    if (prefs.settings.sort() == Library.Sort.TITLE) {
      List<ArticleMeta> items = initial.library().items().stream().sorted(Library.Sort.TITLE.comparator()).toList();
      initial = initial.with(new ReaderState.LibraryView(items, 0, 0, Library.Sort.TITLE));
    }
    initial = memory.start(initial, withSkipped(ws.library.warnings(), prefs.warnings));
    // finding: search and links over the workspace's library
    ArticleSource articles = FindSource.of(source(ws, lib.drafts), ws.library, lib.drafts);
    TerminalReader.Options o = new TerminalReader.Options(initial, first, articles,
        prefs.theme, prefs.settings.maxWidth(), opts.mouse || prefs.settings.mouse());
    return TerminalReader.run(o, memory, err);
  }

}
