package clinicreader.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateStoreTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir
  Path tmp;

  private Path dir() {
    return tmp.resolve("clinic-reader");
  }

  private static void addBookmark(StateStore store, String slug, int second) {
    store.update(s -> s.toggleBookmark(slug, "results", "3. Results", 2, T0.plusSeconds(second)));
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
    }
  }

  @Test
  void noFileMeansAnEmptyStateAndNoWarning() {
    StateStore store = new StateStore(dir(), CLOCK);
    assertThat(store.load()).isEmpty();
    assertThat(store.state()).isEqualTo(ReaderState.empty());
    assertThat(store.save()).as("nothing changed, nothing written").isEmpty();
    assertThat(dir()).doesNotExist();
  }

  @Test
  void whatIsSavedIsLoadedByTheNextRun() throws IOException {
    StateStore first = new StateStore(dir(), CLOCK);
    first.load();
    addBookmark(first, "tms", 1);
    first.update(s -> s.withPosition("tms", new Position("results", 7, T0)).markRead("tms", T0).withOpened("tms", T0));
    assertThat(first.save()).isEmpty();
    assertThat(leftovers()).isEmpty();
    assertThat(Files.readString(first.file())).contains("\"version\" : 1").endsWith("}\n");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(first.file()))
          .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
      assertThat(Files.getPosixFilePermissions(dir())).containsExactlyInAnyOrderElementsOf(
          PosixFilePermissions.fromString("rwx------"));
    }

    StateStore second = new StateStore(dir(), CLOCK);
    assertThat(second.load()).isEmpty();
    assertThat(second.state()).isEqualTo(first.state());
    assertThat(second.state().position("tms")).get().extracting(Position::lineInSection).isEqualTo(7);
    assertThat(second.state().isBookmarked("tms", "results")).isTrue();
    assertThat(second.state().recent(5)).containsExactly("tms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"articles\": {", "", "[1, 2]", "null", "\u0000\u0001garbage",
      "{\"bookmarks\": [{\"slug\": \"a\", \"createdAt\": \"yesterday\"}]}",
      "{\"bookmarks\": [{\"sectionAnchor\": \"x\", \"createdAt\": \"2025-01-01T00:00:00Z\"}]}"})
  void aCorruptFileIsMovedAsideWithOneWarningAndTheAppStartsFresh(String garbage) throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("state.json"), garbage);
    StateStore store = new StateStore(dir(), CLOCK);

    Optional<String> warning = store.load();

    assertThat(warning).hasValueSatisfying(w -> {
      assertThat(w).contains("state.json").contains("moved it to state.json.corrupt-20250301-100000")
          .doesNotContain("\n").doesNotContain("\u0000").doesNotContain("Exception");
    });
    assertThat(store.state()).isEqualTo(ReaderState.empty());
    assertThat(dir().resolve("state.json")).doesNotExist();
    assertThat(dir().resolve("state.json.corrupt-20250301-100000")).hasContent(garbage);

    addBookmark(store, "a", 1);
    assertThat(store.save()).isEmpty();
    StateStore next = new StateStore(dir(), CLOCK);
    assertThat(next.load()).isEmpty();
    assertThat(next.state().isBookmarked("a", "results")).isTrue();
  }

  @Test
  void aCorruptFileSaysWhereItBroke() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("state.json"), "{\n  \"articles\": {\n    \"a\": tru\n");
    assertThat(new StateStore(dir(), CLOCK).load()).hasValueSatisfying(w -> assertThat(w).containsPattern("state\\.json:3:\\d+: "));
  }

  @Test
  void asideNamesDoNotCollide() throws IOException {
    Files.createDirectories(dir());
    Files.writeString(dir().resolve("state.json.corrupt-20250301-100000"), "older");
    Files.writeString(dir().resolve("state.json"), "{{");
    assertThat(new StateStore(dir(), CLOCK).load()).hasValueSatisfying(w -> assertThat(w).contains("corrupt-20250301-100000-2"));
    assertThat(dir().resolve("state.json.corrupt-20250301-100000")).hasContent("older");
    assertThat(dir().resolve("state.json.corrupt-20250301-100000-2")).hasContent("{{");
  }

  @Test
  void aFileWhereTheDirectoryShouldBeGivesAWarningAndMemoryKeepsWorking() throws IOException {
    // a regular file in the way makes every write fail, even for root
    Path blocked = tmp.resolve("not-a-dir");
    Files.writeString(blocked, "x");
    StateStore store = new StateStore(blocked, CLOCK);
    assertThat(store.load()).isEmpty();
    addBookmark(store, "a", 1);

    Optional<String> warning = store.save();

    assertThat(warning).hasValueSatisfying(w -> assertThat(w).startsWith("could not save reading state in ")
        .contains("not-a-dir").doesNotContain("\n").doesNotContain("Exception"));
    assertThat(store.state().isBookmarked("a", "results")).isTrue();
    addBookmark(store, "b", 2);
    assertThat(store.state().bookmarks()).hasSize(2);
    assertThat(store.save()).isPresent();
    assertThat(blocked).hasContent("x");
  }

  @Test
  void aReadOnlyDirectoryGivesAWarningAndMemoryKeepsWorking() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    StateStore store = new StateStore(dir(), CLOCK);
    addBookmark(store, "a", 1);
    assertThat(store.save()).isEmpty();
    Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("r-x------"));
    try {
      assumeFalse(Files.isWritable(dir()), "permissions are not enforced for this user (root)");
      addBookmark(store, "b", 2);
      assertThat(store.save()).hasValueSatisfying(w -> assertThat(w).startsWith("could not save reading state in ")
          .doesNotContain("\n"));
      assertThat(store.state().bookmarks()).hasSize(2);
      StateStore reread = new StateStore(dir(), CLOCK);
      assertThat(reread.load()).isEmpty();
      assertThat(reread.state().bookmarks()).hasSize(1);
    } finally {
      Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aFullDiskKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
    StateStore good = new StateStore(dir(), CLOCK);
    addBookmark(good, "a", 1);
    assertThat(good.save()).isEmpty();
    String before = Files.readString(good.file());

    StateStore full = new StateStore(dir(), CLOCK, (ch, bytes) -> {
      ch.write(bytes.limit(bytes.limit() / 2));
      throw new IOException("No space left on device");
    });
    full.load();
    addBookmark(full, "b", 2);

    assertThat(full.save()).hasValueSatisfying(w -> assertThat(w).contains("No space left on device"));
    assertThat(full.state().bookmarks()).hasSize(2);
    assertThat(good.file()).hasContent(before);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aSaveKilledBeforeItsRenameLeavesTheOldStateReadable() throws IOException {
    StateStore first = new StateStore(dir(), CLOCK);
    addBookmark(first, "a", 1);
    assertThat(first.save()).isEmpty();
    String whole = Files.readString(first.file());
    // what a kill between writing the temporary file and renaming it leaves behind
    Path half = dir().resolve("state.json.8042.tmp");
    Files.writeString(half, whole.substring(0, whole.length() / 2));

    StateStore next = new StateStore(dir(), CLOCK);
    assertThat(next.load()).isEmpty();
    assertThat(next.state()).isEqualTo(first.state());

    addBookmark(next, "b", 2);
    assertThat(next.save()).isEmpty();
    assertThat(half).as("the next save clears what the killed one left").doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void twoStoresSavingAtOnceFromThreadsLoseNoBookmark() throws Exception {
    StateStore one = new StateStore(dir(), CLOCK);
    StateStore two = new StateStore(dir(), CLOCK);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (var e : Map.of("one", one, "two", two).entrySet()) {
        runs.add(pool.submit(() -> {
          List<String> warnings = new ArrayList<>();
          start.await();
          for (int i = 0; i < 12; i++) {
            addBookmark(e.getValue(), e.getKey() + "-" + i, i);
            e.getValue().save().ifPresent(warnings::add);
          }
          return warnings;
        }));
      }
      start.countDown();
      for (Future<List<String>> f : runs) assertThat(f.get(60, TimeUnit.SECONDS)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    StateStore after = new StateStore(dir(), CLOCK);
    assertThat(after.load()).isEmpty();
    assertThat(after.state().bookmarks()).hasSize(24);
  }

  @Test
  void interleavedRunsKeepEachOthersChangesIncludingRemovals() {
    StateStore a = new StateStore(dir(), CLOCK);
    StateStore b = new StateStore(dir(), CLOCK);
    a.load();
    b.load();
    addBookmark(a, "from-a", 1);
    addBookmark(b, "from-b", 2);
    assertThat(a.save()).isEmpty();
    assertThat(b.save()).isEmpty();
    assertThat(b.state().bookmarkedSlugs()).containsExactlyInAnyOrder("from-a", "from-b");

    // a still thinks only its own bookmark exists; removing it must not drop b's, nor come back
    a.update(s -> s.toggleBookmark("from-a", "results", "3. Results", 0, T0.plusSeconds(3)));
    assertThat(a.save()).isEmpty();
    b.update(s -> s.withPosition("from-b", new Position("results", 4, T0.plusSeconds(4))));
    assertThat(b.save()).isEmpty();

    StateStore c = new StateStore(dir(), CLOCK);
    assertThat(c.load()).isEmpty();
    assertThat(c.state().bookmarkedSlugs()).containsExactly("from-b");
    assertThat(c.state().position("from-b")).isPresent();
  }

  @Test
  void twoProcessesSavingAtOnceLoseNoBookmark() throws Exception {
    Process p1 = writer("p1", 12);
    Process p2 = writer("p2", 12);
    assertThat(finish(p1)).isZero();
    assertThat(finish(p2)).isZero();
    StateStore after = new StateStore(dir(), CLOCK);
    assertThat(after.load()).isEmpty();
    assertThat(after.state().bookmarks()).hasSize(24);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void killingAProcessInTheMiddleOfSavingLosesNothingSavedBefore() throws Exception {
    Process p = writer("k", 0);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("saved");
      Thread.sleep(300);
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    StateStore after = new StateStore(dir(), CLOCK);
    assertThat(after.load()).as("the file is whole after kill -9").isEmpty();
    int saved = after.state().bookmarks().size();
    assertThat(saved).isPositive();
    assertThat(after.state().bookmarks()).allSatisfy(b -> assertThat(b.slug()).startsWith("k-"));
    // bookmarks are numbered in save order: whatever was saved is a gap-free prefix
    for (int i = 0; i < saved; i++) assertThat(after.state().isBookmarked("k-" + i, "results")).isTrue();
  }

  private Process writer(String prefix, int count) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        StateWriterMain.class.getName(), dir().toString(), prefix, Integer.toString(count))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int finish(Process p) throws Exception {
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void defaultDirFollowsXdgStateHome() {
    assertThat(StateStore.defaultDir(Map.of("XDG_STATE_HOME", "/x/state", "HOME", "/home/u")))
        .isEqualTo(Path.of("/x/state/clinic-reader"));
    assertThat(StateStore.defaultDir(Map.of("XDG_STATE_HOME", "relative", "HOME", "/home/u")))
        .isEqualTo(Path.of("/home/u/.local/state/clinic-reader"));
    assertThat(StateStore.defaultDir(Map.of("HOME", "/home/u")))
        .isEqualTo(Path.of("/home/u/.local/state/clinic-reader"));
  }

  @Test
  void oldRemovalsAreDroppedWhenSaving() {
    StateStore store = new StateStore(dir(), Clock.fixed(T0.plus(StateStore.KEEP_REMOVALS).plusSeconds(60), ZoneOffset.UTC));
    store.update(s -> s.toggleBookmark("a", "x", "", 0, T0).toggleBookmark("a", "x", "", 0, T0.plusSeconds(1))
        .toggleBookmark("b", "x", "", 0, T0.plus(StateStore.KEEP_REMOVALS))
        .toggleBookmark("b", "x", "", 0, T0.plus(StateStore.KEEP_REMOVALS).plusSeconds(1)));
    assertThat(store.save()).isEmpty();
    assertThat(store.state().removedBookmarks()).extracting(Removal::slug).containsExactly("b");
  }

  @Test
  void unusualDirectoriesNeverThrow() {
    Set<Path> odd = Set.of(tmp.resolve("missing/deeper"), tmp);
    for (Path p : odd) {
      StateStore s = new StateStore(p, CLOCK);
      s.load();
      addBookmark(s, "a", 1);
      s.save();
      assertThat(s.state().bookmarks()).hasSize(1);
    }
  }
}
