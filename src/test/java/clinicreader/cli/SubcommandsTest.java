package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Every command class is reachable: the subcommand list is kept by hand for fast start-up. */
class SubcommandsTest {

  @Test
  void everyCommandClassIsRegistered() {
    List<String> names = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("clinicreader.cli").stream()
        .filter(c -> c.isAnnotatedWith(Command.class))
        .map(JavaClass::reflect)
        .filter(c -> c != RootCommand.class)
        .map(c -> c.getAnnotation(Command.class).name())
        .toList();
    assertThat(names).isNotEmpty();
    assertThat(Main.SUBCOMMANDS).containsExactlyInAnyOrderElementsOf(names);
    for (String n : names) assertThat(Main.subcommand(n)).as(n).isNotNull();
  }
}
