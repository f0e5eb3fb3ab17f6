package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import clinicreader.cli.HostileCorpus.Case;
import clinicreader.cli.HostileCorpus.Kind;
import clinicreader.cli.HostileCorpus.Message;
import clinicreader.content.Problem;
import clinicreader.content.Text;
import clinicreader.e2e.TmuxPane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user points the real launcher at one folder holding every file of the
 * {@link HostileCorpus} (each case in its own subfolder, the hostile clinic.json at the top):
 * {@code list} and {@code check} must finish with one clear located line per problem and no raw
 * control character, and the reader in tmux must start, show and page an article, open the
 * contact panel, never let the files set the window title, and give the terminal back.
 */
class HostileFolderIT {
  private static final Pattern FINDING = Pattern.compile("^.+: (error|warning): .+ \\[[a-z-]+\\]$");
  private static final Pattern SUMMARY = Pattern.compile("^checked \\d+ files?: \\d+ errors?, \\d+ warnings?$");

  @TempDir static Path tmp;
  static Path folder;
  /** Each case and where its subject file is in the folder. */
  static final List<Object[]> SUBJECTS = new ArrayList<>();

  @BeforeAll
  static void buildFolder() throws Exception {
    folder = Files.createDirectories(tmp.resolve("folder"));
    int i = 0;
    for (Case c : HostileCorpus.cases()) {
      String name = String.format("%02d-%s", i++, c.name);
      Path articles = tmp.resolve("cases").resolve(name).resolve("articles");
      HostileCorpusTest.Run run = HostileCorpusTest.setUp(c, articles);
      copyTree(articles, folder.resolve(name));
      SUBJECTS.add(new Object[] {c, folder.resolve(name).resolve(articles.relativize(run.subject()))});
      if (c.name.equals("escapes-in-clinic-json")) Files.copy(articles.resolve("clinic.json"), folder.resolve("clinic.json"));
    }
  }

  /** Copies a tree as it is: links stay links (to the same targets), FIFOs are made again, never read. */
  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = s.toList();
    }
    for (Path p : all) {
      Path dest = to.resolve(from.relativize(p).toString());
      if (Files.isSymbolicLink(p)) {
        Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dest);
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(p, dest);
      } else {
        try {
          Process mk = new ProcessBuilder("mkfifo", dest.toString()).start();
          assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).isTrue();
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
    }
  }

  record Outcome(int code, String out, String err) {}

  private static Outcome launcher(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("./clinic-reader"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(TmuxPane.PROJECT.toFile())
        .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    Map<String, String> env = pb.environment();
    env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
    env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.remove("CLINIC_READER_DIR");
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("clinic-reader " + String.join(" ", args) + " did not finish in 120 s");
    }
    return new Outcome(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private static String named(Path file) {
    return Text.cleanLine(Problem.display(file));
  }

  @Test
  void listShowsTheGoodArticlesAndOneLocatedLinePerBrokenFile() throws Exception {
    Outcome o = launcher("list", "-d", folder.toString(), "--drafts");
    assertThat(o.code()).as(o.err()).isZero();
    HostileCorpusTest.assertNoControls(o.out(), "list stdout");
    HostileCorpusTest.assertNoControls(o.err(), "list stderr");
    assertThat(o.out()).contains("Odd file name").contains("Wide").contains("Fine");
    for (String line : o.err().split("\n")) {
      if (line.isEmpty()) continue;
      assertThat(line).as("each message names a file of the folder or the tool")
          .matches(l -> l.startsWith(named(folder)) || l.startsWith("clinic-reader: "));
    }
    for (Object[] s : SUBJECTS) {
      Case c = (Case) s[0];
      if (!c.extraArgs.isEmpty()) continue; // the size limit case needs its own --max-bytes
      for (Message m : c.messages(Kind.LIST)) {
        assertThat(o.err()).as("list names %s (%s)", s[1], c.name).contains(named((Path) s[1]) + ":")
            .contains(m.fragment());
      }
    }
    assertThat(o.out() + o.err()).doesNotContain(HostileCorpus.SECRET);
  }

  @Test
  void checkReportsEveryProblemAsOneFindingLine() throws Exception {
    Outcome o = launcher("check", "-d", folder.toString());
    assertThat(o.code()).as(o.err()).isEqualTo(1);
    assertThat(o.err()).isEmpty();
    HostileCorpusTest.assertNoControls(o.out(), "check stdout");
    String[] lines = o.out().split("\n");
    for (int i = 0; i < lines.length - 1; i++) assertThat(lines[i]).matches(FINDING);
    assertThat(lines[lines.length - 1]).matches(SUMMARY);
    for (Object[] s : SUBJECTS) {
      Case c = (Case) s[0];
      Path subject = (Path) s[1];
      if (!c.extraArgs.isEmpty() || subject.getFileName().toString().equals("clinic.json")) continue;
      for (Message m : c.messages(Kind.CHECK)) {
        String file = Pattern.quote(named(subject));
        assertThat(Pattern.compile("(?m)^" + file + ":.*" + Pattern.quote(m.fragment())).matcher(o.out()).find())
            .as("check names %s with '%s' (%s)", subject, m.fragment(), c.name).isTrue();
      }
    }
    assertThat(o.out()).contains(named(folder.resolve("clinic.json")) + ":").doesNotContain(HostileCorpus.SECRET);
  }

  @Test
  void theReaderWorksOnTheFolderAndGivesTheTerminalBack() throws Exception {
    assumeTrue(TmuxPane.available(), "tmux is not installed");
    try (TmuxPane pane = new TmuxPane("hostile-folder-it", tmp.resolve("pane"), 100, 30)) {
      Path err = tmp.resolve("reader-err.txt");
      pane.type("./clinic-reader -d '" + folder + "' --drafts 2> " + err + "; echo $? > "
          + tmp.resolve("pane").resolve("exit.txt"));
      pane.waitFor("the library", s -> s.stream().anyMatch(l -> l.contains("press c for contact")), TmuxPane.START);
      String title = pane.format("#{pane_title}");
      pane.keys("Enter");
      pane.waitFor("an article", s -> s.size() > 28 && s.get(28).contains("%"), TmuxPane.STEP);
      pane.keys("Space", "Space", "G", "l");
      Thread.sleep(300);
      pane.keys("Escape");
      Thread.sleep(300); // Escape then c at once reads as Alt-c
      pane.keys("c");
      pane.waitFor("the contact panel", s -> s.stream().anyMatch(l -> l.contains("555-0100")), TmuxPane.STEP);
      pane.keys("c", "q");
      pane.waitFor("the library again", s -> s.stream().anyMatch(l -> l.contains("press c for contact")), TmuxPane.STEP);
      assertThat(pane.format("#{pane_title}")).as("the window title").isEqualTo(title).doesNotContain("pwned");
      pane.keys("q");
      pane.assertRestored(0);
      String messages = Files.readString(err, StandardCharsets.UTF_8);
      HostileCorpusTest.assertNoControls(messages, "reader stderr");
      for (String line : messages.split("\n")) {
        if (!line.isEmpty()) assertThat(line).startsWith(named(folder));
      }
      assertThat(messages).contains("binary file").contains("outside the articles directory");
    }
  }
}
