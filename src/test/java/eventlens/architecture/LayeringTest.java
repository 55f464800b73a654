package eventlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency directions of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "eventlens", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule modelDependsOnNoOtherLayer = noClasses().that().resideInAPackage("eventlens.model..")
            .should().dependOnClassesThat().resideInAnyPackage("eventlens.importers..", "eventlens.replay..",
                    "eventlens.app..", "eventlens.cli..")
            .because("the model is the headless core every other layer builds on; it must build and be tested alone");

    @ArchTest
    static final ArchRule importersDependOnlyOnModel = noClasses().that().resideInAPackage("eventlens.importers..")
            .should().dependOnClassesThat().resideInAnyPackage("eventlens.replay..", "eventlens.app..", "eventlens.cli..")
            .because("readers turn bytes into model values and nothing else, so they run the same in the GUI, "
                    + "the command line and tests");

    @ArchTest
    static final ArchRule replayDependsOnlyOnModel = noClasses().that().resideInAPackage("eventlens.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("eventlens.importers..", "eventlens.app..", "eventlens.cli..")
            .because("replay works on stored events whatever format they came from, and must run headless");

    @ArchTest
    static final ArchRule replayTakesTimeAndThreadsInjected = noClasses().that().resideInAPackage("eventlens.replay..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(Thread.class, "sleep", long.class)
            .orShould().callConstructor(java.util.Random.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .because("a replay is deterministic: virtual time follows the events, wall time and threads are injected "
                    + "(docs/STYLE: Caffeine's ticker and executor)");

    @ArchTest
    static final ArchRule onlyTheAppTouchesJavaFx = noClasses().that().resideOutsideOfPackages("eventlens.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("everything a view shows must also be producible headless from the command line; "
                    + "only eventlens.app may build a scene graph");

    @ArchTest
    static final ArchRule theCommandLineDoesNotReachIntoViews = noClasses().that().resideInAPackage("eventlens.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the command line must run without a display; it only launches the GUI through EventLensApp");
}
