package cn.liaison.backend.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.liaison.backend.platform.Published;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules that fail the build: the platform knows no feature, features use only
 * what other features publish, the packages form no cycles, and the knowledge base and the bots never reach into the backend (dependencies
 * point one way: backend → bots → knowledge-base).
 */
class ArchitectureTest {

    private static final String BACKEND = "cn.liaison.backend";

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

    /**
     * Features do not import each other's internals: a class of one feature package uses a class
     * of another only when that class (or the type it is nested in) is {@link Published}. The
     * platform, {@code config} (the configuration records) and the root package (Application,
     * Main) are not features.
     */
    @Test
    void featuresUseOnlyWhatOtherFeaturesPublish() {
        classes().that(feature()).should(new ArchCondition<JavaClass>("use only published types of other features") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (feature().test(target) && !featureOf(target).equals(featureOf(origin)) && !published(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).check(classes);
    }

    private static DescribedPredicate<JavaClass> feature() {
        return DescribedPredicate.describe("in a feature package", c -> c.getPackageName().startsWith(BACKEND + ".")
                && !c.getPackageName().startsWith(BACKEND + ".platform") && !c.getPackageName().startsWith(BACKEND + ".config"));
    }

    private static String featureOf(JavaClass c) {
        return c.getPackageName().substring(BACKEND.length() + 1).split("\\.")[0];
    }

    private static boolean published(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.isAnnotatedWith(Published.class);
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
