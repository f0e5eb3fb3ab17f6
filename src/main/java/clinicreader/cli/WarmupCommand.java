package clinicreader.cli;

import clinicreader.content.Article;
import clinicreader.content.Clinic;
import clinicreader.layout.LineWriter;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises every common code path once on built-in sample text, so that the launcher
 * can record the loaded classes in its class-data-sharing archive for fast start-up.
 */
@Command(name = "warmup", hidden = true, description = "Load the common classes (used by the launcher).")
public final class WarmupCommand implements Callable<Integer> {
  static final String SAMPLE = """
      ---
      title: "Warm-up sample"
      date: 2026-01-01
      author: "Clinic team"
      summary: "A sample."
      tags: [sample, warmup]
      related: []
      cta: consultation
      ---
      Intro with *emphasis*, **strong**, `code`, ~~gone~~ and a [link](other.md).

      ## First section

      - one
      - two
        1. nested

      > quoted text

      | a | b |
      |---|---|
      | 1 | 2 |

      ```
      code block
      ```

      ### Sub

      Text with 漢字 and an emoji 🙂.

      ## References

      1. A reference.
      """;

  static final String CLINIC = """
      {"name": "Warm-up Clinic", "tagline": "A sample.", "phone": "555-0100", "email": "care@example.org",
       "website": "https://www.example.org", "address": "1 Example Street", "hours": ["Mon-Fri 9-5"],
       "booking": {"label": "Book", "url": "https://www.example.org/book", "phone": "555-0100"},
       "ctas": [{"id": "consultation", "title": "Talk to us", "text": "A sample.", "action": "Call 555-0100"}],
       "about": "A sample.", "conditions": ["a"], "services": ["b"], "disclaimer": "Sample.", "crisis": "Sample."}
      """;

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("clinic-reader-warmup");
    try {
      Path file = dir.resolve("sample.md");
      Files.writeString(file, SAMPLE, StandardCharsets.UTF_8);
      // old enough for the index cache to keep it, so that its reading path is warmed up too
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
      Files.writeString(dir.resolve(clinicreader.content.ClinicLoader.FILE_NAME), CLINIC, StandardCharsets.UTF_8);
      Clinic clinic = clinicreader.content.ClinicLoader.load(dir).clinic();
      // the option parsing of the common commands (parsing only: nothing runs)
      Main.commandLine().parseArgs("render", "--color", "never", "--theme", "light", "-w", "80", "-d", dir.toString(), "x");
      Main.commandLine().parseArgs("list", "--json", "--sort", "title", "--tag", "t", "--drafts");
      QuickParser.parse(new String[] {"list", "--json", "--sort=title", "--tag", "t", "--drafts", "--max-bytes", "9"});
      QuickParser.parse(new String[] {"search", "--limit", "5", "--json", "--theme=light", "a", "b"});
      // render and contact as a user runs them (their caches stay untouched: the related article is found directly)
      Files.writeString(dir.resolve("page.md"), SAMPLE.replace("related: []", "related: [sample]"), StandardCharsets.UTF_8);
      var sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
      for (String color : new String[] {"never", "always"}) {
        // to a byte stream, as on a real standard output, so the streaming byte writer is archived too
        var bytesOut = new StdOut(java.io.OutputStream.nullOutputStream());
        Main.run(new String[] {"render", "--dir", dir.toString(), "--color", color, "-w", "80", "page"}, bytesOut, sink);
      }
      Main.run(new String[] {"contact", "-d", dir.toString()}, sink, sink);
      // twice through the index cache: once writing it, once reading it
      var store = new clinicreader.content.IndexStore(dir.resolve("cache"));
      clinicreader.content.Library.open(dir, 1 << 20, store);
      var lib = clinicreader.content.Library.open(dir, 1 << 20, store);
      ListCommand.writeJson(lib.all(), new java.io.StringWriter());
      Article a = Article.load(file, "sample", 1 << 20).article();
      PageLayout.Input input = new PageLayout.Input(a, clinic, lib.all());
      Page p = PageLayout.layout(input, 80, Theme.dark());
      LineWriter.write(p.lines(), LineWriter.Format.ANSI, Theme.dark());
      LineWriter.write(p.lines(), LineWriter.Format.PLAIN, Theme.dark());
      // the search command's classes go into the start-up archive too
      var found = clinicreader.search.LibraryScan.search(dir, 1 << 20, false,
          clinicreader.search.Query.parse("sect emphasis"));
      // and the word store's, writing it once and reading it once
      var words = new clinicreader.search.WordStore(dir.resolve("cache"));
      for (int i = 0; i < 2; i++) {
        clinicreader.search.LibraryScan.search(dir, 1 << 20, false, clinicreader.search.Query.parse("sect"), words);
      }
      ListCommand.writeUtf8(lib.all(), new StdOut(java.io.OutputStream.nullOutputStream()));
      SearchCommand.toJson(found.results());
      clinicreader.search.PageMatches.find(p.lines(), "section");
      Warmups.run(input);
      return Main.OK;
    } catch (clinicreader.content.ContentException e) {
      return Main.CONTENT_PROBLEM;
    } finally {
      try (var s = Files.walk(dir)) {
        for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
      }
    }
  }
}
