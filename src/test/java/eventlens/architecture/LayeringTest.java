package eventlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import eventlens.model.Exemption;

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

    /** What replay code may use: the model, itself, and the parts of the JDK and libraries that cannot see time. */
    private static final String[] DETERMINISTIC_PACKAGES = {"eventlens.model..", "eventlens.replay..", "java.lang",
        "java.lang.invoke", "java.util", "java.util.function", "java.util.stream", "java.util.regex",
        "java.util.concurrent.atomic", "java.time..", "java.math", "java.io", "java.nio.charset", "java.security",
        "com.fasterxml.jackson..", "org.graalvm.."};
    private static final java.util.Set<String> DETERMINISTIC_CONCURRENCY = java.util.Set.of(
            "java.util.concurrent.Executor", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.TimeoutException");

    @ArchTest
    static final ArchRule replayUsesOnlyWhatCannotSeeTime = classes().that().resideInAPackage("eventlens.replay..")
            .and(notExempt(Exemption.WALL_TIME_IN_REPLAY))
            .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(DETERMINISTIC_PACKAGES)
                    .and(DescribedPredicate.describe("are not timers", (JavaClass c) -> !c.getName().startsWith("java.util.Timer")))
                    .or(DescribedPredicate.describe("are an injected executor or a concurrent collection",
                            (JavaClass c) -> DETERMINISTIC_CONCURRENCY.contains(c.getName())))
                    .or(DescribedPredicate.describe("are primitives or arrays", (JavaClass c) -> c.isPrimitive()
                            || c.isArray())))
            .because("a replay is deterministic: an allow-list of what it may use, so that a new clock, thread, "
                    + "scheduler or random source is refused until an @Exemption says why");

    @ArchTest
    static final ArchRule replayTakesTimeAndThreadsInjected = noClasses().that().resideInAPackage("eventlens.replay..")
            .and(notExempt(Exemption.WALL_TIME_IN_REPLAY))
            .should().callMethodWhere(DescribedPredicate.describe("read the wall clock, sleep, or start a thread",
                    call -> {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        return owner.startsWith("java.time.") && name.equals("now")
                                || owner.equals("java.lang.System") && (name.equals("currentTimeMillis")
                                        || name.equals("nanoTime"))
                                || owner.equals("java.lang.Thread") && (name.startsWith("sleep") || name.equals("start")
                                        || name.startsWith("ofVirtual") || name.startsWith("ofPlatform")
                                        || name.equals("startVirtualThread") || name.equals("onSpinWait"))
                                || owner.equals("java.time.Clock") && name.startsWith("system")
                                || owner.equals("java.lang.Math") && name.equals("random")
                                || owner.equals("java.util.UUID") && name.equals("randomUUID");
                    }))
            .orShould().callConstructor(java.util.Random.class)
            .orShould().callConstructorWhere(DescribedPredicate.describe("create a Thread",
                    call -> call.getTargetOwner().isAssignableTo(Thread.class)))
            .because("a replay is deterministic: virtual time follows the events, wall time and threads are injected "
                    + "(docs/STYLE: Caffeine's ticker and executor)");

    @ArchTest
    static final ArchRule onlyTheAppTouchesJavaFx = noClasses().that().resideOutsideOfPackages("eventlens.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("everything a view shows must also be producible headless from the command line; "
                    + "only eventlens.app may build a scene graph");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("eventlens.(**)").should().beFreeOfCycles()
            .because("a package that needs its subpackage and is needed by it cannot be understood, tested or "
                    + "moved alone; shared pieces go to a package of their own (eventlens.app.base)");

    @ArchTest
    static final ArchRule viewsDoNotReachTheStore = noClasses().that().resideInAPackage("eventlens.app..")
            .and().areAssignableTo(javafx.scene.Node.class)
            .should().dependOnClassesThat(storeServices())
            .because("a view shows what its view model holds; opening, reading or writing a project is the view "
                    + "model's work, on a worker thread (the records the store returns are plain values)");

    @ArchTest
    static final ArchRule sqlStaysInTheStore = noClasses().that().resideOutsideOfPackages("eventlens.model.store..")
            .and(notExempt(Exemption.SQL_OUTSIDE_THE_STORE))
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
            .because("every statement and connection of the project lives in one place, with one set of pragmas "
                    + "per purpose; an @Exemption says why a class is elsewhere");

    /** Classes of the store package that do work (not the records and exceptions it hands out). */
    private static DescribedPredicate<JavaClass> storeServices() {
        return DescribedPredicate.describe("are store services (not records or exceptions)",
                c -> c.getPackageName().startsWith("eventlens.model.store") && !c.isRecord()
                        && !c.isAssignableTo(RuntimeException.class) && !c.isEnum());
    }

    /** Classes not exempt from {@code rule}, nor nested in a class that is. */
    private static DescribedPredicate<JavaClass> notExempt(String rule) {
        return DescribedPredicate.describe("are not exempt from " + rule, c -> {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (k.tryGetAnnotationOfType(Exemption.class).map(a -> a.rule().equals(rule)).orElse(false)) {
                    return false;
                }
            }
            return true;
        });
    }
}
