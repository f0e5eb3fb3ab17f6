package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleMeta;
import clinicreader.content.IndexStore;
import clinicreader.content.Library;
import clinicreader.content.ListView;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored list ({@link ListView}): printed from it, {@code list} and {@code list --json} are
 * the same bytes as printed from the library, and any change to the files, or to the cache
 * file, means the library is read again.
 */
class ListViewTest {
  @TempDir Path dir;
  private Path root;
  private IndexStore store;
  private long old;

  private static final int FORMS = ListCommand.FORMS;

  @BeforeEach
  void setUp() throws Exception {
    root = dir.resolve("lib");
    store = new IndexStore(dir.resolve("cache"));
    old = System.currentTimeMillis() - 3_600_000L;
    article("a.md", "Alpha 漢字 😀", "2025-01-02", "[a, b]", false, "## One\n\ntext\n\n### Sub\n\n## Two\n");
    article("sub/b.md", "Beta \\\"quoted\\\" tab\\t", "2025-03-02", "[]", false, "Words and more words.\n");
    article("c.md", "Draft one", "2025-02-02", "[b]", true, "# Top\n\n```\n# not a heading\n```\n");
    article("d.md", "Same day", "2025-01-02", "[c]", false, "Setext\n======\n\nbody\n");
  }

  private Path article(String name, String title, String date, String tags, boolean draft, String body)
      throws Exception {
    Path f = root.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "---\ntitle: \"" + title + "\"\n" + (date == null ? "" : "date: " + date + "\n")
        + "tags: " + tags + "\nsummary: \"Sum é\"\n" + (draft ? "draft: true\n" : "") + "---\n" + body,
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.fromMillis(old));
    return f;
  }

  /** What list prints the usual way, from the library. */
  private static byte[] usual(Library lib, boolean drafts, boolean json) {
    return usual(lib, drafts, json, null, Library.Sort.DATE);
  }

  private static byte[] usual(Library lib, boolean drafts, boolean json, String tag, Library.Sort sort) {
    StringWriter w = new StringWriter();
    PrintWriter out = new PrintWriter(w);
    List<ArticleMeta> items = ListCommand.select(lib, drafts, tag, sort);
    if (json) {
      ListCommand.writeJson(items, out);
      out.println();
    } else {
      ListCommand.printTable(items, out);
    }
    out.flush();
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] printed(ListView view, boolean drafts, boolean json) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ListCommand.print(view, drafts, json, b);
    return b.toByteArray();
  }

  private ListView lookup() {
    return ListView.lookup(store, root, 1 << 20, FORMS);
  }

  /** Opens the library as list does on a miss and stores the view; the view made. */
  private ListView openAndSave() throws Exception {
    Library lib = Library.open(root, 1 << 20, store);
    assertThat(lib.warnings()).isEmpty();
    assertThat(lib.all()).isNotEmpty();
    ListView made = ListCommand.entries(lib.all());
    assertThat(made).isNotNull();
    assertThat(ListView.save(store, lib, made)).isTrue();
    return made;
  }

  private Path cacheFile() throws Exception {
    try (Stream<Path> s = Files.list(store.dir())) {
      return s.filter(p -> p.getFileName().toString().startsWith("list-")).findFirst().orElseThrow();
    }
  }

  @Test
  void storedListPrintsTheSameBytesAsTheLibrary() throws Exception {
    Library plain = Library.open(root, 1 << 20);
    ListView made = openAndSave();
    ListView stored = lookup();
    assertThat(stored).isNotNull();
    assertThat(stored.size()).isEqualTo(4);
    for (boolean drafts : new boolean[] {false, true}) {
      for (boolean json : new boolean[] {false, true}) {
        byte[] expected = usual(plain, drafts, json);
        assertThat(new String(printed(made, drafts, json), StandardCharsets.UTF_8))
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(printed(stored, drafts, json)).isEqualTo(expected);
        // to a file, as to a redirected standard output: the bytes go from file to file
        Path out = dir.resolve("out-" + drafts + json);
        try (java.io.FileOutputStream f = new java.io.FileOutputStream(out.toFile())) {
          ListCommand.print(stored, drafts, json, f);
        }
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
      }
    }
    assertThat(new String(printed(stored, false, true), StandardCharsets.UTF_8))
        .contains("\"title\" : \"Alpha 漢字 😀\"").doesNotContain("Draft one");
    assertThat(new String(printed(stored, true, false), StandardCharsets.UTF_8))
        .contains("[DRAFT] Draft one").endsWith("4 articles. Read one: clinic-reader render SLUG" + System.lineSeparator());
  }

  @Test
  void aStoredListPrintsWhatATagOrTheTitleOrderAsksFor() throws Exception {
    article("e.md", "apple first", "2025-01-02", "[B, \"é x\"]", true, "x\n");
    article("f.md", "Apple first", "2024-12-31", "[]", false, "x\n");
    Library plain = Library.open(root, 1 << 20);
    ListView made = openAndSave();
    ListView stored = lookup();
    assertThat(stored).isNotNull();
    for (String tag : new String[] {null, "a", "b", "B", "c", "\u00c9 X", "none"}) {
      for (Library.Sort sort : Library.Sort.values()) {
        for (boolean drafts : new boolean[] {false, true}) {
          for (boolean json : new boolean[] {false, true}) {
            String expected = new String(usual(plain, drafts, json, tag, sort), StandardCharsets.UTF_8);
            for (ListView view : new ListView[] {made, stored}) {
              ByteArrayOutputStream b = new ByteArrayOutputStream();
              ListCommand.print(view, ListCommand.selection(view, tag, sort), drafts, json, b);
              assertThat(b.toString(StandardCharsets.UTF_8)).as("tag %s, %s, drafts %s, json %s", tag, sort, drafts, json)
                  .isEqualTo(expected);
            }
          }
        }
      }
    }
    // the title order: case-blind, then by slug
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    ListCommand.print(stored, ListCommand.selection(stored, null, Library.Sort.TITLE), true, false, b);
    String table = b.toString(StandardCharsets.UTF_8);
    assertThat(table.indexOf("Alpha")).isLessThan(table.indexOf("apple first")).isPositive();
    assertThat(table.indexOf(" e" + System.lineSeparator())).isLessThan(table.indexOf(" f" + System.lineSeparator()));
  }

  @Test
  void bundledArticlesPrintTheSameBytes() throws Exception {
    Library lib = Library.open(Path.of("articles"), 1 << 20);
    ListView made = ListCommand.entries(lib.all());
    assertThat(made).isNotNull();
    for (boolean drafts : new boolean[] {false, true}) {
      assertThat(printed(made, drafts, true)).isEqualTo(usual(lib, drafts, true));
      assertThat(printed(made, drafts, false)).isEqualTo(usual(lib, drafts, false));
    }
  }

  @Test
  void onlyDraftsPrintAsAnEmptyList() throws Exception {
    Files.delete(root.resolve("a.md"));
    Files.delete(root.resolve("sub/b.md"));
    Files.delete(root.resolve("d.md"));
    Library lib = Library.open(root, 1 << 20);
    ListView made = ListCommand.entries(lib.all());
    assertThat(printed(made, false, true)).isEqualTo(usual(lib, false, true));
    assertThat(new String(printed(made, false, true), StandardCharsets.UTF_8)).isEqualTo("[ ]" + System.lineSeparator());
    assertThat(printed(made, false, false)).isEqualTo(usual(lib, false, false));
  }

  @Test
  void anEditedFileIsReadAgain() throws Exception {
    openAndSave();
    assertThat(lookup()).isNotNull();
    Path f = root.resolve("a.md");
    // same size, new time
    String text = Files.readString(f).replace("Alpha", "Gamma");
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.fromMillis(old + 5_000));
    assertThat(lookup()).isNull();
    Library lib = Library.open(root, 1 << 20, store);
    assertThat(lib.all()).extracting(ArticleMeta::title).contains("Gamma 漢字 😀");
    ListView made = ListCommand.entries(lib.all());
    assertThat(ListView.save(store, lib, made)).isTrue();
    assertThat(new String(printed(lookup(), false, true), StandardCharsets.UTF_8)).contains("Gamma").doesNotContain("Alpha");
    // new size, same time
    Files.writeString(f, text + "more\n");
    Files.setLastModifiedTime(f, FileTime.fromMillis(old + 5_000));
    assertThat(lookup()).isNull();
  }

  /**
   * A file edited after the library was read but before its list is stored: the list is stored
   * under the key the file was read with, so the next run sees the edit and reads it again.
   */
  @Test
  void aFileEditedWhileTheListIsMadeIsReadAgain() throws Exception {
    Library lib = Library.open(root, 1 << 20, store);
    ListView made = ListCommand.entries(lib.all());
    Path f = root.resolve("a.md");
    Files.writeString(f, Files.readString(f).replace("Alpha", "Delta"));
    Files.setLastModifiedTime(f, FileTime.fromMillis(old + 7_000));
    assertThat(ListView.save(store, lib, made)).isTrue();
    assertThat(lookup()).isNull();
    Library again = Library.open(root, 1 << 20, store);
    assertThat(again.all()).extracting(ArticleMeta::title).contains("Delta 漢字 😀").doesNotContain("Alpha 漢字 😀");
    // and a file added meanwhile keeps the list from being stored
    Library before = Library.open(root, 1 << 20, store);
    article("e.md", "Echo", "2025-04-04", "[]", false, "Text.\n");
    assertThat(ListView.save(store, before, ListCommand.entries(before.all()))).isFalse();
  }

  @Test
  void addedRemovedOrLinkedFilesAreDifferences() throws Exception {
    openAndSave();
    Path added = article("e.md", "Added", "2025-01-05", "[]", false, "text\n");
    assertThat(lookup()).isNull();
    Files.delete(added);
    assertThat(lookup()).isNotNull();
    Files.delete(root.resolve("sub/b.md"));
    assertThat(lookup()).isNull();
    openAndSave();
    assertThat(lookup()).isNotNull();
    Files.createSymbolicLink(root.resolve("link.md"), root.resolve("a.md"));
    assertThat(lookup()).isNull();
    Files.delete(root.resolve("link.md"));
    Files.createDirectories(root.resolve("folder.md"));
    assertThat(lookup()).isNull();
    Files.delete(root.resolve("folder.md"));
    // hidden folders and other files are not articles: no difference
    Files.createDirectories(root.resolve(".hidden"));
    Files.writeString(root.resolve(".hidden/x.md"), "---\ntitle: x\n---\n");
    Files.writeString(root.resolve("notes.txt"), "x");
    assertThat(lookup()).isNotNull();
    // a smaller size limit than the stored files: read as usual, which warns
    assertThat(ListView.lookup(store, root, 10, FORMS)).isNull();
  }

  @Test
  void aFileMovedToAnotherFolderIsADifference() throws Exception {
    openAndSave();
    Files.createDirectories(root.resolve("other"));
    // same name, size and time: only its folder (and so its slug) changed
    Files.move(root.resolve("sub/b.md"), root.resolve("other/b.md"));
    assertThat(Files.getLastModifiedTime(root.resolve("other/b.md")).toMillis()).isEqualTo(old);
    assertThat(lookup()).isNull();
    Files.move(root.resolve("other/b.md"), root.resolve("sub/b.md"));
    assertThat(lookup()).isNotNull();
  }

  @Test
  void aLargeLibraryIsCheckedInTwoHalvesAsWhole() throws Exception {
    for (int i = 0; i < 700; i++) {
      article(String.format("n%03d.md", i), "Note " + i, "2024-01-" + (10 + i % 20), "[n]", i % 7 == 0, "Body " + i + ".\n");
    }
    openAndSave();
    Library plain = Library.open(root, 1 << 20);
    try (ListView stored = lookup()) {
      assertThat(stored).isNotNull();
      assertThat(stored.size()).isEqualTo(704);
      for (boolean drafts : new boolean[] {false, true}) {
        assertThat(printed(stored, drafts, true)).isEqualTo(usual(plain, drafts, true));
        assertThat(printed(stored, drafts, false)).isEqualTo(usual(plain, drafts, false));
      }
    }
    // a change in the first, the middle or the last entry listed is found, whichever half looks at it
    String[] listed = root.toFile().list();
    for (String name : new String[] {listed[0], listed[listed.length / 2], listed[listed.length - 1]}) {
      Path f = root.resolve(name);
      if (!name.endsWith(".md")) continue;
      FileTime t = Files.getLastModifiedTime(f);
      Files.setLastModifiedTime(f, FileTime.fromMillis(old + 1_000));
      assertThat(lookup()).as(name).isNull();
      Files.setLastModifiedTime(f, t);
      assertThat(lookup()).as(name).isNotNull();
    }
    // other files added at the root are no difference, wherever they are listed
    for (int i = 0; i < 20; i++) Files.writeString(root.resolve("notes" + i + ".txt"), "x");
    assertThat(lookup()).isNotNull();
    Files.delete(root.resolve("n350.md"));
    assertThat(lookup()).isNull();
  }

  @Test
  void aDamagedOrOldCacheIsIgnoredAndRewritten() throws Exception {
    openAndSave();
    Path f = cacheFile();
    byte[] good = Files.readAllBytes(f);
    assertThat(lookup()).isNotNull();
    // the head and the checked part (root, files, drafts, entry lengths): the entries' bytes
    // are not checksummed, but must fill the rest of the file exactly
    int checked = 24 + java.nio.ByteBuffer.wrap(good).getInt(16);
    assertThat(checked).isBetween(100, good.length - 100);
    for (int at : new int[] {3, 13, 17, 21, 30, checked / 2, checked - 20, checked - 1}) {
      byte[] bad = good.clone();
      bad[at] ^= 0x20;
      Files.write(f, bad);
      assertThat(lookup()).as("flipped byte %d", at).isNull();
    }
    Files.write(f, java.util.Arrays.copyOf(good, good.length / 3));
    assertThat(lookup()).isNull();
    Files.write(f, java.util.Arrays.copyOf(good, good.length - 1));
    assertThat(lookup()).isNull();
    Files.write(f, java.util.Arrays.copyOf(good, good.length + 1));
    assertThat(lookup()).isNull();
    Files.write(f, new byte[0]);
    assertThat(lookup()).isNull();
    // another format version
    byte[] other = good.clone();
    other[11]++;
    Files.write(f, other);
    assertThat(lookup()).isNull();
    openAndSave();
    assertThat(Files.readAllBytes(cacheFile())).isEqualTo(good);
    assertThat(lookup()).isNotNull();
  }

  @Test
  void recentlyChangedFilesAreNotStored() throws Exception {
    Files.setLastModifiedTime(root.resolve("a.md"), FileTime.fromMillis(System.currentTimeMillis()));
    Library lib = Library.open(root, 1 << 20, store);
    assertThat(ListView.save(store, lib, ListCommand.entries(lib.all()))).isFalse();
    assertThat(lookup()).isNull();
  }

  @Test
  void aFileTheLibraryRefusesIsStoredWithItsWarningUntilItChanges() throws Exception {
    Path broken = root.resolve("broken.md");
    Files.writeString(broken, "---\ntitle: [unclosed\n---\n");
    Files.setLastModifiedTime(broken, FileTime.fromMillis(old));
    Library lib = Library.open(root, 1 << 20, store);
    assertThat(lib.warnings()).hasSize(1);
    assertThat(lib.all()).hasSize(4);
    assertThat(ListView.save(store, lib, ListCommand.entries(lib.all()))).isTrue();

    ListView stored = lookup();
    assertThat(stored).isNotNull();
    assertThat(stored.warnings()).containsExactly(lib.warnings().get(0).brief());
    assertThat(stored.warnings().get(0)).contains("broken.md");
    assertThat(printed(stored, true, true)).isEqualTo(usual(lib, true, true));

    // fixed: the file is read again, and is an article
    Files.writeString(broken, "---\ntitle: Fixed now\ndate: 2025-04-01\n---\nText.\n");
    Files.setLastModifiedTime(broken, FileTime.fromMillis(old));
    assertThat(lookup()).isNull();
    Library again = Library.open(root, 1 << 20, store);
    assertThat(again.warnings()).isEmpty();
    assertThat(again.all()).extracting(ArticleMeta::title).contains("Fixed now");
  }

  @Test
  void aWarningNotAboutARefusedFilesContentIsNotStored() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("far.md"), "---\ntitle: Far\ndate: 2025-01-01\n---\nx\n");
    Files.createSymbolicLink(root.resolve("far.md"), outside.resolve("far.md"));
    Library lib = Library.open(root, 1 << 20, store);
    assertThat(lib.warnings()).extracting(p -> p.message()).containsExactly("links outside the articles directory; skipped");
    assertThat(ListView.save(store, lib, ListCommand.entries(lib.all()))).isFalse();
    assertThat(lookup()).isNull();
  }
}
