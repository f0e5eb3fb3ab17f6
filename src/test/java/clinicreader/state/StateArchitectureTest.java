package clinicreader.state;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The state package stays below the user interface: no terminal, no command line. */
class StateArchitectureTest {
  @Test
  void stateDependsOnNoTerminalOrCommandLine() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("clinicreader.state");
    noClasses().that().resideInAPackage("clinicreader.state")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.googlecode.lanterna..", "picocli..", "clinicreader.tui..", "clinicreader.cli..",
            "clinicreader.layout..", "clinicreader.search..", "clinicreader.check..")
        .check(classes);
  }
}
