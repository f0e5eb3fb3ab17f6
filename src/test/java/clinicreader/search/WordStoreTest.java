package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.ArticleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search through the word store gives exactly what reading every file gives, and the store is invalidated. */
class WordStoreTest {
  private static final long MAX = ArticleFiles.DEFAULT_MAX_BYTES;
  private static final List<String> QUERIES = List.of("k", "ka", "kazu", "the care", "ketamine", "cafe", "café",
      "esketamina", "coracao", "arztin niño", "治療", "漢字", "zanfu kel", "dose week", "nothingatall", "depression sleep");

  @TempDir Path tmp;
  Path lib;
  Path abs;
  WordStore store;

  @BeforeEach
  void library() throws IOException {
    lib = tmp.resolve("lib");
    abs = lib.toAbsolutePath().normalize();
    List<Path> files = SyntheticLibrary.write(lib, 80, 13L);
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    for (Path f : files) Files.setLastModifiedTime(f, FileTime.fromMillis(hourAgo));
    // a draft, and a file whose front matter is broken: both must behave as without a store
    write("draft.md", "---\ntitle: \"Draft ketamine\"\ndate: 2025-01-01\ndraft: true\n---\nketamine care\n", hourAgo);
    write("broken.md", "---\ntitle: [unclosed\n---\nketamine\n", hourAgo);
    store = new WordStore(tmp.resolve("cache"));
  }

  private Path write(String name, String text, long mtimeMillis) throws IOException {
    Path f = lib.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtimeMillis));
    return f;
  }

  /** Everything a user sees of the results, in order, and the warnings. */
  private static List<String> seen(LibraryScan.Outcome o) {
    return Stream.concat(
        o.results().stream().map(r -> r.slug() + "|" + r.title() + "|" + r.score() + "|" + r.field() + "|"
            + r.location() + "|" + r.snippet().text() + "|" + r.snippet().matches() + "|" + r.date()),
        o.warnings().stream().map(p -> "warning " + p.brief())).toList();
  }

  private void assertSameAsUncached(boolean drafts) throws Exception {
    for (String q : QUERIES) {
      List<String> plain = seen(LibraryScan.search(lib, MAX, drafts, Query.parse(q)));
      List<String> cached = seen(LibraryScan.search(lib, MAX, drafts, Query.parse(q), store));
      assertThat(cached).as(q).isEqualTo(plain);
    }
  }

  @Test
  void cachedSearchEqualsReadingEveryFile() throws Exception {
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("ka")).results()).hasSizeGreaterThan(10);
    assertThat(seen(LibraryScan.search(lib, MAX, false, Query.parse("ketamine")))).anyMatch(s -> s.startsWith("warning"));
    assertSameAsUncached(false);
    assertThat(Files.isRegularFile(store.fileFor(abs))).isTrue();
    // every readable article is stored (the broken one is not), so later searches read no file for matching
    assertThat(store.load(abs).entries()).hasSize(81).doesNotContainKey(abs.resolve("broken.md").toString());
    assertSameAsUncached(false);
    assertSameAsUncached(true);
  }

  @Test
  void storedEntriesAreWhatTheFilesSay() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    WordStore.Snapshot s = store.load(abs);
    Map<String, WordStore.Entry> entries = s.entries();
    WordStore.Entry e = entries.get(abs.resolve("draft.md").toString());
    assertThat(e.doc().title()).isEqualTo("Draft ketamine");
    assertThat(e.doc().draft()).isTrue();
    assertThat(List.of(e.words())).contains("draft", "ketamine", "care");
    assertThat(e.size()).isEqualTo(Files.size(abs.resolve("draft.md")));
    // a round trip keeps every entry as it was
    store.save(abs, entries, System.currentTimeMillis() * 1_000_000L);
    Map<String, WordStore.Entry> again = store.load(abs).entries();
    assertThat(again.keySet()).isEqualTo(entries.keySet());
    for (String k : entries.keySet()) {
      WordStore.Entry a = entries.get(k);
      WordStore.Entry b = again.get(k);
      assertThat(b.doc()).isEqualTo(a.doc());
      assertThat(List.of(b.words())).containsExactlyInAnyOrder(a.words());
      assertThat(b.data().length).isEqualTo(a.data().length);
      for (int i = 0; i < a.words().length; i++) {
        assertThat(b.data()[List.of(b.words()).indexOf(a.words()[i])]).as(a.words()[i]).isEqualTo(a.data()[i]);
      }
    }
  }

  @Test
  void anEditedFileIsReadAgain() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("zyxwordnew"), store).results()).isEmpty();
    // same size and time as before would be the racy case; a real edit changes the time
    write("draft.md", "---\ntitle: \"Now published zyxwordnew\"\ndate: 2025-01-01\n---\nketamine care\n",
        System.currentTimeMillis() - 60_000L);
    List<Result> r = LibraryScan.search(lib, MAX, false, Query.parse("zyxwordnew"), store).results();
    assertThat(r).extracting(Result::slug).containsExactly("draft");
    assertThat(store.load(abs).entries().get(abs.resolve("draft.md").toString()).doc().title())
        .isEqualTo("Now published zyxwordnew");
    assertSameAsUncached(false);
  }

  @Test
  void aRemovedFileIsGoneAndAnAddedFileIsFound() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    List<Result> before = LibraryScan.search(lib, MAX, true, Query.parse("ketamine"), store).results();
    assertThat(before).extracting(Result::slug).contains("draft");
    Files.delete(lib.resolve("draft.md"));
    assertThat(LibraryScan.search(lib, MAX, true, Query.parse("ketamine"), store).results())
        .extracting(Result::slug).doesNotContain("draft");
    assertThat(store.load(abs).entries()).doesNotContainKey(abs.resolve("draft.md").toString()).hasSize(80);
    Files.createDirectories(lib.resolve("sub"));
    write("sub/added.md", "---\ntitle: \"Added qwzyxnew\"\ndate: 2025-02-01\n---\nketamine qwzyxnew\n",
        System.currentTimeMillis() - 60_000L);
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("qwzyx"), store).results())
        .extracting(Result::slug).containsExactly("sub/added");
    assertThat(store.load(abs).entries()).containsKey(abs.resolve("sub/added.md").toString()).hasSize(81);
    // and from the store, without reading it again
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("qwzyxn"), store).results())
        .extracting(Result::slug).containsExactly("sub/added");
    assertSameAsUncached(false);
    assertSameAsUncached(true);
  }

  @Test
  void anEditKeepingTheSizeIsSeenByItsTime() throws Exception {
    Path f = write("same.md", "---\ntitle: \"Same\"\ndate: 2025-01-01\n---\nalphaword\n", System.currentTimeMillis() - 120_000L);
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("alphaword"), store).results()).hasSize(1);
    long size = Files.size(f);
    write("same.md", "---\ntitle: \"Same\"\ndate: 2025-01-01\n---\nbetaxword\n", System.currentTimeMillis() - 60_000L);
    assertThat(Files.size(f)).isEqualTo(size);
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("alphaword"), store).results()).isEmpty();
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("betaxword"), store).results())
        .extracting(Result::slug).containsExactly("same");
  }

  @Test
  void aStoreThatParsesBadlyUnderAGoodChecksumIsIgnored() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    Path f = store.fileFor(abs);
    byte[] good = Files.readAllBytes(f);
    // damage the dictionary and postings and fix the checksum, as a foreign writer could: the
    // answers may then be wrong, but a search never fails
    for (int at : new int[] {good.length - 20, good.length - 200, good.length / 2, good.length - 2000}) {
      byte[] b = good.clone();
      for (int i = at; i < at + 12 && i < b.length - 8; i++) b[i] = (byte) 0xFF;
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(b, 0, b.length - 8);
      java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
      Files.write(f, b);
      for (String q : QUERIES) {
        Files.write(f, b);
        LibraryScan.Outcome o = LibraryScan.search(lib, MAX, false, Query.parse(q), store);
        for (Result r : o.results()) r.snippet();
      }
    }
    // the last damage breaks the postings' structure: found damaged, the store is rewritten
    assertSameAsUncached(false);
  }

  @Test
  void linksOutOfTheFolderAreNeverStoredAndStillReported() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("o.md"), "---\ntitle: \"Outside ketamine\"\ndate: 2025-01-01\n---\nketamine\n");
    Files.setLastModifiedTime(outside.resolve("o.md"), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
    Files.createSymbolicLink(lib.resolve("linked.md"), outside.resolve("o.md"));
    Files.createSymbolicLink(lib.resolve("linkdir"), outside);
    for (int run = 0; run < 2; run++) {
      LibraryScan.Outcome o = LibraryScan.search(lib, MAX, false, Query.parse("ketamine"), store);
      assertThat(seen(o)).anyMatch(w -> w.contains("linked.md") && w.contains("outside the articles directory"));
      assertThat(o.results()).extracting(Result::slug).doesNotContain("linked");
      assertSameAsUncached(false);
    }
    assertThat(store.load(abs).entries()).doesNotContainKey(abs.resolve("linked.md").toString());
  }

  @Test
  void aFileEditedJustNowIsNotStored() throws Exception {
    write("fresh.md", "---\ntitle: \"Fresh\"\ndate: 2025-01-01\n---\nketamine\n", System.currentTimeMillis());
    LibraryScan.search(lib, MAX, false, Query.parse("fresh"), store);
    assertThat(store.load(abs).entries()).doesNotContainKey(abs.resolve("fresh.md").toString()).hasSize(81);
  }

  @Test
  void aCorruptOrTruncatedStoreIsIgnoredAndRewritten() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    Path f = store.fileFor(abs);
    byte[] good = Files.readAllBytes(f);
    for (byte[] bad : List.of(new byte[0], "not a cache".getBytes(StandardCharsets.UTF_8),
        java.util.Arrays.copyOf(good, good.length / 2), flipped(good, good.length / 3), appended(good))) {
      Files.write(f, bad);
      assertSameAsUncached(false);
      assertThat(store.load(abs).entries()).hasSize(81);
    }
  }

  @Test
  void anotherFormatVersionIsIgnored() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store);
    Path f = store.fileFor(abs);
    byte[] b = Files.readAllBytes(f);
    // the version follows the 8-byte magic number
    b[11] = (byte) (WordStore.FORMAT + 1);
    // with a checksum that fits, so that only the version tells it apart
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b, 0, b.length - 8);
    java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
    Files.write(f, b);
    assertThat(store.load(abs).entries()).isEmpty();
    assertSameAsUncached(false);
    assertThat(store.load(abs).entries()).hasSize(81);
  }

  /** Markdown whose text a light scan would get wrong: the stored source must be what the parser gives. */
  private static final List<String> TRICKY = List.of(
      "Use [the guide][g] before the visit.\n\n## 1. Plan\n\nketamine dose here.\n\n[g]: https://example.org/g \"Guide\"\n",
      "<div>\nketamine in html block\n</div>\n\n## Care\n\nText with <b>ketamine</b> inline and <!-- ketamine note -->.\n",
      "## 治療について\n\n漢字の説明 ketamine 治療 🙂💊 emoji 🩺 care\n\n### 한국어 문장\n\n한국어 ketamine\n",
      "| Drug | Dose |\n|---|---|\n| ketamine | 0.5 mg |\n| café | naïve |\n\n## After the table\n\ncare\n",
      "- item one\n- ## heading in a list ketamine\n- item\n\n> ## quoted heading\n> ketamine quote\n\n# Top\n\ncare\n",
      "```\nketamine in a fence\n```\n\n    indented ketamine code\n\nSetext ketamine\n===\n\nA line\nbreak &amp; &#xD800; &#128138; ketamine\n",
      "Para with `ketamine code` and *emph ketamine* and [link ketamine](https://example.org/k) end.\n");

  @Test
  void storedSnippetsEqualParsedOnTrickyMarkdown() throws Exception {
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    for (int i = 0; i < TRICKY.size(); i++) {
      write("tricky" + i + ".md", "---\ntitle: \"Tricky " + i + "\"\ndate: 2025-02-0" + (i + 1) + "\n---\n" + TRICKY.get(i),
          hourAgo);
    }
    List<String> queries = List.of("ketamine", "care", "治療", "guide", "cafe", "emph", "heading", "ketamine care");
    for (int pass = 0; pass < 3; pass++) {
      for (String q : queries) {
        List<String> plain = seen(LibraryScan.search(lib, MAX, false, Query.parse(q)));
        List<String> cached = seen(LibraryScan.search(lib, MAX, false, Query.parse(q), store));
        assertThat(cached).as(q + " pass " + pass).isEqualTo(plain);
      }
    }
    // every tricky file's stored source is exactly the parser's
    WordStore.Snapshot s = store.load(abs);
    for (int i = 0; i < TRICKY.size(); i++) {
      Path f = abs.resolve("tricky" + i + ".md");
      String path = f.toString();
      assertThat(s.lookup(path, Files.size(f), Files.getLastModifiedTime(f).to(java.util.concurrent.TimeUnit.NANOSECONDS)))
          .isNotNegative();
      Excerpts.Source stored = s.source(path);
      assertThat(stored).as(path).isNotNull();
      clinicreader.content.FrontMatterParser.Split split =
          clinicreader.content.FrontMatterParser.split(f, Files.readString(f));
      assertThat(stored).isEqualTo(Excerpts.parse(split.body(), split.bodyLine()));
    }
  }

  @Test
  void sourcesSurviveEncoding() {
    for (String t : TRICKY) {
      Excerpts.Source src = Excerpts.parse(t, 5);
      assertThat(Excerpts.decode(Excerpts.encode(src))).isEqualTo(src);
    }
    Excerpts.Source lone = new Excerpts.Source(List.of(new Excerpts.Block(-1, "a\uD800b"), new Excerpts.Block(0, "\uDC00"),
        new Excerpts.Block(1, "🙂\uD83D")), new clinicreader.content.Outline(List.of()));
    assertThat(Excerpts.decode(Excerpts.encode(lone))).isEqualTo(lone);
    assertThat(Excerpts.decode(new byte[] {1, 2, 3})).isNull();
  }

  @Test
  void aShownArticleIsNotReadAgain() throws Exception {
    Path f = write("quiet.md", "---\ntitle: \"Quiet\"\ndate: 2025-01-01\n---\nzorbword alpha text\n", 
        System.currentTimeMillis() - 120_000L);
    FileTime t = Files.getLastModifiedTime(f);
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("zorbword"), store).results().get(0).snippet().text())
        .isEqualTo("zorbword alpha text");
    // the same size and time with other text (what only a racy edit could do): the stored source answers
    Files.writeString(f, "---\ntitle: \"Quiet\"\ndate: 2025-01-01\n---\nzorbword gamma text\n");
    Files.setLastModifiedTime(f, t);
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("zorbword"), store).results().get(0).snippet().text())
        .isEqualTo("zorbword alpha text");
    // a real edit changes the time: read and parsed again
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 60_000L));
    assertThat(LibraryScan.search(lib, MAX, false, Query.parse("zorbword"), store).results().get(0).snippet().text())
        .isEqualTo("zorbword gamma text");
    assertSameAsUncached(false);
  }

  @Test
  void aDamagedStoredSourceIsParsedAgainAndRewritten() throws Exception {
    assertSameAsUncached(false);
    Path f = store.fileFor(abs);
    byte[] good = Files.readAllBytes(f);
    long mainEnd = java.nio.ByteBuffer.wrap(good, good.length - 8, 8).getLong();
    // the sources lie after the checksummed part: damage one of them (the checksum still fits)
    byte[] b = good.clone();
    int at = (int) mainEnd + 8 + (int) ((good.length - 16 - mainEnd) / 2);
    for (int i = at; i < at + 8; i++) b[i] ^= (byte) 0x55;
    Files.write(f, b);
    assertSameAsUncached(false);
    assertThat(Files.readAllBytes(f)).isNotEqualTo(b);
    assertSameAsUncached(false);
  }

  @Test
  void addingSourcesKeepsTheWordsAsTheyWere() throws Exception {
    LibraryScan.search(lib, MAX, false, Query.parse("care"), store, 1);
    Map<String, WordStore.Entry> before = store.load(abs).entries();
    byte[] file = Files.readAllBytes(store.fileFor(abs));
    // nothing changed on disk: only the sources of newly shown articles are added
    LibraryScan.search(lib, MAX, false, Query.parse("ka"), store, 5);
    assertThat(Files.readAllBytes(store.fileFor(abs))).isNotEqualTo(file);
    Map<String, WordStore.Entry> after = store.load(abs).entries();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String k : before.keySet()) {
      assertThat(after.get(k).doc()).isEqualTo(before.get(k).doc());
      assertThat(after.get(k).words()).isEqualTo(before.get(k).words());
      assertThat(after.get(k).data()).isEqualTo(before.get(k).data());
    }
    WordStore.Snapshot s = store.load(abs);
    List<Result> shown = LibraryScan.search(lib, MAX, false, Query.parse("ka"), store, 5).results().subList(0, 5);
    for (Result r : shown) assertThat(s.sourceBytes(r.path().toString())).isNull();
    WordStore.Snapshot seen = store.load(abs);
    for (Result r : shown) {
      Path f = r.path();
      seen.lookup(f.toString(), Files.size(f), Files.getLastModifiedTime(f).to(java.util.concurrent.TimeUnit.NANOSECONDS));
      assertThat(seen.source(f.toString())).as(f.toString()).isNotNull();
    }
    assertSameAsUncached(false);
  }

  private static byte[] flipped(byte[] b, int at) {
    byte[] c = b.clone();
    c[at] ^= (byte) 0xFF;
    c[at + 1] ^= (byte) 0x5A;
    return c;
  }

  private static byte[] appended(byte[] b) {
    byte[] c = java.util.Arrays.copyOf(b, b.length + 3);
    c[b.length] = 1;
    return c;
  }
}
