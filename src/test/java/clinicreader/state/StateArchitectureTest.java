package clinicreader.state;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The state package stays below the user interface: no terminal, no command line. */
class StateArchitectureTest {
  @Test
  void stateDependsOnNoTerminalOrCommandLine() throws Exception {
    // import only this package's compiled classes; scanning the whole class path is slow
    Path root = Path.of(ReaderState.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    // the rule only needs the names of what is referenced, not those classes themselves
    config.setResolveMissingDependenciesFromClassPath(false);
    JavaClasses classes;
    try {
      classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(root.resolve("clinicreader/state"));
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
    assertThat(classes.contain(StateStore.class)).isTrue();
    noClasses().that().resideInAPackage("clinicreader.state")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.googlecode.lanterna..", "picocli..", "clinicreader.tui..", "clinicreader.cli..",
            "clinicreader.layout..", "clinicreader.search..", "clinicreader.check..")
        .check(classes);
  }
}
