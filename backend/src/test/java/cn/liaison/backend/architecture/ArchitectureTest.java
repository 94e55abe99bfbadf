package cn.liaison.backend.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules that fail the build: the platform knows no feature, the packages
 * form no cycles, and the knowledge base and the bots never reach into the backend (dependencies
 * point one way: backend → bots → knowledge-base).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.liaison");
    }

    @Test
    void platformImportsNoFeature() {
        noClasses().that().resideInAPackage("cn.liaison.backend.platform..")
                .should().dependOnClassesThat(resideInAPackage("cn.liaison.backend..")
                        .and(not(resideInAPackage("cn.liaison.backend.platform.."))))
                .check(classes);
    }

    @Test
    void knowledgeBaseAndBotsNeverImportTheBackend() {
        noClasses().that().resideInAnyPackage("cn.liaison.kb..", "cn.liaison.bots..")
                .should().dependOnClassesThat().resideInAPackage("cn.liaison.backend..")
                .check(classes);
    }

    @Test
    void knowledgeBaseNeverImportsTheBots() {
        noClasses().that().resideInAPackage("cn.liaison.kb..")
                .should().dependOnClassesThat().resideInAPackage("cn.liaison.bots..")
                .check(classes);
    }

    @Test
    void backendPackagesFormNoCycles() {
        slices().matching("cn.liaison.backend.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void platformPackagesFormNoCycles() {
        slices().matching("cn.liaison.backend.platform.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void botsPackagesFormNoCycles() {
        slices().matching("cn.liaison.bots.(*)..").should().beFreeOfCycles().check(classes);
    }
}
