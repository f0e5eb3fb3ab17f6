package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which editor runs, and how it is told the line. */
class ExternalEditorTest {
  private static final Path FILE = Path.of("articles", "knee-pain.md");

  @Test
  void visualComesBeforeEditorAndViIsTheFallback() {
    assertThat(ExternalEditor.command("nano", "vim", FILE, 12)).containsExactly("nano", "+12", FILE.toString());
    assertThat(ExternalEditor.command("  ", "vim", FILE, 12)).containsExactly("vim", "+12", FILE.toString());
    assertThat(ExternalEditor.command(null, null, FILE, 12)).containsExactly("vi", "+12", FILE.toString());
    assertThat(ExternalEditor.command(null, "", FILE, 3)).containsExactly("vi", "+3", FILE.toString());
  }

  @Test
  void theEditorIsSplitOnSpacesWithoutAShell() {
    assertThat(ExternalEditor.command(null, "emacsclient -t -a ''", FILE, 7))
        .containsExactly("emacsclient", "-t", "-a", "''", "+7", FILE.toString());
    assertThat(ExternalEditor.command(null, "/usr/bin/vim -u NONE", FILE, 7))
        .containsExactly("/usr/bin/vim", "-u", "NONE", "+7", FILE.toString());
    assertThat(ExternalEditor.command(null, "vim; rm -rf x", FILE, 1))
        .containsExactly("vim;", "rm", "-rf", "x", FILE.toString());
  }

  @Test
  void editorsThatDoNotTakePlusLineGetTheFileOnly() {
    assertThat(ExternalEditor.command(null, "code --wait", FILE, 9)).containsExactly("code", "--wait", FILE.toString());
    assertThat(ExternalEditor.command(null, "/opt/my-editor.sh", FILE, 9)).containsExactly("/opt/my-editor.sh", FILE.toString());
  }

  @Test
  void anEditorThatCannotStartGivesOneLineNotACrash() {
    Intent i = ExternalEditor.run(List.of("/nonexistent/clinic-reader-no-editor", "+1", FILE.toString()));
    assertThat(i).isInstanceOf(Intent.EditFailed.class);
    String message = ((Intent.EditFailed) i).message();
    assertThat(message).startsWith("Cannot start the editor '/nonexistent/clinic-reader-no-editor'")
        .contains("No such file").contains("$EDITOR").doesNotContain("\n").doesNotContain("Exception").doesNotContain("error=");
  }

  @Test
  void anEditorThatRunsLeadsToAReloadWhateverItsExitStatus() {
    assertThat(ExternalEditor.run(List.of("true"))).isEqualTo(new Intent.FileChanged());
    assertThat(ExternalEditor.run(List.of("false"))).isEqualTo(new Intent.FileChanged());
  }
}
