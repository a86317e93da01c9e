package io.github.wschat.core.contract;

import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules of wschat, shared by every module's {@code ArchitectureTest} through the
 * core's test-jar, so that the hexagon stays honest as modules are added.
 */
public final class ArchitectureRules {

    /** Every module's base package, by role. */
    public static final String CORE = "io.github.wschat.core..";
    public static final String JSON = "io.github.wschat.json..";
    public static final String INMEMORY = "io.github.wschat.inmemory..";
    public static final String AWS = "io.github.wschat.aws..";
    public static final String EXAMPLE = "io.github.wschat.example..";
    /** The core's implementations of its use cases. */
    public static final String CORE_SERVICES = "io.github.wschat.core.service..";

    private static final String[] ADAPTERS = {JSON, INMEMORY, AWS};

    private ArchitectureRules() {
    }

    /** The core depends only on the JDK, slf4j-api and itself. */
    public static ArchRule coreDependsOnlyOnJdkAndSlf4j() {
        return classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", CORE)
                .because("the core is the hexagon: no AWS, no JSON library, no framework");
    }

    /** Inside the core: domain at the centre, ports around it, services outside; nobody uses services. */
    public static ArchRule coreLayersPointInwards() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("io.github.wschat.core.domain..")
                .layer("Incoming ports").definedBy("io.github.wschat.core.port.in..")
                .layer("Outgoing ports").definedBy("io.github.wschat.core.port.out..")
                .layer("Services").definedBy(CORE_SERVICES)
                .whereLayer("Services").mayNotBeAccessedByAnyLayer()
                .whereLayer("Incoming ports").mayOnlyBeAccessedByLayers("Services")
                .whereLayer("Outgoing ports").mayOnlyBeAccessedByLayers("Incoming ports", "Services")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Incoming ports", "Outgoing ports", "Services");
    }

    /** An adapter module uses the core, never another adapter (the JSON protocol codec excepted). */
    public static ArchRule adapterDoesNotDependOnOtherAdapters(String adapterPackage) {
        String[] others = Arrays.stream(ADAPTERS)
                .filter(p -> !p.equals(adapterPackage) && !p.equals(JSON))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(adapterPackage)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .orShould().dependOnClassesThat().resideInAPackage(EXAMPLE)
                .because("adapters are interchangeable: each depends on the core's ports only");
    }

    /**
     * Classes in {@code packages} reach the core through its incoming ports (and its domain), never
     * its services: whoever wires the chat gives them the use cases.
     */
    public static ArchRule seesUseCasesOnly(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAPackage(CORE_SERVICES)
                .because("the services are wired in one place, which hands out the use cases");
    }

    /** AWS SDK and Lambda types appear only in chat-aws-adapter and chat-lambda-example. */
    public static ArchRule noAwsTypes() {
        return noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.amazon..")
                .because("AWS types belong to chat-aws-adapter and chat-lambda-example only");
    }

    /** Package cycles make modules impossible to split; none are allowed. */
    public static ArchRule noPackageCycles() {
        return slices().matching("io.github.wschat.(**)").should().beFreeOfCycles();
    }

    /** Library code logs through slf4j only. */
    public static ArchRule noJavaUtilLogging() {
        return NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
    }

    /** Library code never prints: callers own their standard streams. */
    public static ArchRule noStandardStreams() {
        return NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
    }
}
