package io.github.wschat.house;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules of the whole house, over the main classes of every module at once: what one module's
 * own ArchUnit test cannot see, such as a library module reaching into the workshop.
 */
final class HouseRules {

    /** The library's packages: what users put on their class path. */
    static final String[] LIBRARY = {
            "io.github.wschat.core..", "io.github.wschat.json..", "io.github.wschat.inmemory..",
            "io.github.wschat.aws..", "io.github.wschat.example..", "io.github.wschat.testkit..",
            "io.github.wschat.server.."};
    /** The workshop's packages, under {@code tools/}: the local gateway and runner, the benchmarks. */
    static final String[] TOOLS = {"io.github.wschat.local..", "io.github.wschat.benchmarks.."};
    /** Adapters and their users, which reach the core through its ports and domain only. */
    static final String[] OUTSIDE_THE_CORE = {
            "io.github.wschat.json..", "io.github.wschat.inmemory..", "io.github.wschat.aws..",
            "io.github.wschat.example..", "io.github.wschat.testkit..", "io.github.wschat.local..",
            "io.github.wschat.server.."};
    /**
     * The one place outside the core that builds services from adapters: the core's own
     * {@code ChatServices} builder, used by the composition roots named here.
     */
    static final Set<String> COMPOSITION_ROOTS = Set.of(
            "io.github.wschat.aws.ApiGatewayChat");

    private HouseRules() {
    }

    /** Main classes of every module on this module's test class path; no tests, no test-jars. */
    static JavaClasses mainClassesOfEveryModule() {
        return new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.github.wschat");
    }

    static ArchRule libraryNeverDependsOnTools() {
        return noClasses().that().resideInAnyPackage(LIBRARY)
                .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .because("the workshop under tools/ is never shipped: the library must build and run without it");
    }

    static ArchRule adaptersUseTheCoreThroughPortsAndDomainOnly() {
        return noClasses().that().resideInAnyPackage(OUTSIDE_THE_CORE)
                .and(DescribedPredicate.describe("are not a composition root",
                        (JavaClass c) -> !COMPOSITION_ROOTS.contains(outermost(c).getName())))
                .should().dependOnClassesThat().resideInAPackage("io.github.wschat.core.service..")
                .because("adapters are given the core's use cases (port.in) and implement its port.out;"
                        + " only a composition root builds the services");
    }

    /** Library code never prints; the tools print from their {@code main} methods only. */
    static ArchRule standardStreamsOnlyInTheToolsMainMethods() {
        return classes().should(useStandardStreamsOnlyInTheMainMethodsOf(TOOLS));
    }

    private static ArchCondition<JavaClass> useStandardStreamsOnlyInTheMainMethodsOf(String[] toolPackages) {
        DescribedPredicate<JavaClass> inTools = JavaClass.Predicates.resideInAnyPackage(toolPackages);
        return new ArchCondition<>("access System.out and System.err only in the main methods of tools") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
                    if (!isStandardStream(access)) {
                        continue;
                    }
                    boolean allowed = inTools.test(javaClass) && isInMainMethod(access);
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isStandardStream(JavaFieldAccess access) {
        return access.getTarget().getOwner().isEquivalentTo(System.class)
                && List.of("out", "err").contains(access.getTarget().getName());
    }

    /** {@code public static void main(String[])}, or a lambda written inside one. */
    private static boolean isInMainMethod(JavaFieldAccess access) {
        var origin = access.getOrigin();
        String name = origin.getName();
        if (name.startsWith("lambda$main$")) {
            return true;
        }
        return name.equals("main") && origin.getModifiers().contains(JavaModifier.STATIC)
                && origin.getRawParameterTypes().size() == 1
                && origin.getRawParameterTypes().get(0).isEquivalentTo(String[].class);
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
