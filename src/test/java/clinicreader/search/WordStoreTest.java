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
