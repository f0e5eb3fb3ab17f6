package clinicreader.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the project (each package's {@code package-info.java} states its own):
 * {@code cli -> tui -> layout -> content}, with {@code search}, {@code check} and {@code state}
 * beside {@code layout}. Only {@code tui} uses Lanterna, only {@code cli} picocli, and the
 * layout engine and the terminal UI never touch Jackson.
 */
@AnalyzeClasses(packages = "clinicreader", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static final ArchRule onlyTuiUsesLanterna = noClasses()
      .that().resideOutsideOfPackage("clinicreader.tui..")
      .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
      .because("the terminal UI is the only package that draws on a terminal");

  @ArchTest
  static final ArchRule onlyCliUsesPicocli = noClasses()
      .that().resideOutsideOfPackage("clinicreader.cli..")
      .should().dependOnClassesThat().resideInAPackage("picocli..")
      .because("argument parsing belongs to the command line only");

  @ArchTest
  static final ArchRule layoutAndTuiDoNotUseJackson = noClasses()
      .that().resideInAnyPackage("clinicreader.layout..", "clinicreader.tui..")
      .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
      .because("reading and writing JSON or YAML is the job of content, state, check and search")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule contentDependsOnNoOtherProjectPackage = noClasses()
      .that().resideInAPackage("clinicreader.content..")
      .should().dependOnClassesThat(resideInAPackage("clinicreader..")
          .and(not(resideInAPackage("clinicreader.content.."))))
      .because("the article library is the base everything else stands on");

  @ArchTest
  static final ArchRule layoutDependsOnlyOnContent = noClasses()
      .that().resideInAPackage("clinicreader.layout..")
      .should().dependOnClassesThat(resideInAPackage("clinicreader..")
          .and(not(resideInAnyPackage("clinicreader.layout..", "clinicreader.content.."))))
      .because("the layout engine is pure: (document, width, theme) to lines");

  @ArchTest
  static final ArchRule tuiDoesNotDependOnCli = noClasses()
      .that().resideInAPackage("clinicreader.tui..")
      .should().dependOnClassesThat().resideInAPackage("clinicreader.cli..")
      .because("dependencies point one way: cli -> tui")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule helperPackagesDoNotDependOnTheUserInterfaces = noClasses()
      .that().resideInAnyPackage("clinicreader.search..", "clinicreader.check..", "clinicreader.state..")
      .should().dependOnClassesThat().resideInAnyPackage("clinicreader.tui..", "clinicreader.cli..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("clinicreader.(*)..").should().beFreeOfCycles();
}
