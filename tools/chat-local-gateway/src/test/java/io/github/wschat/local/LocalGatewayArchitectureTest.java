package io.github.wschat.local;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The emulator stays generic, its API free of Netty, its implementation behind it. */
@AnalyzeClasses(packages = "io.github.wschat.local",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class LocalGatewayArchitectureTest {

    @ArchTest
    static final ArchRule knows_nothing_of_the_chat = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.github.wschat.core..", "io.github.wschat.json..",
                    "io.github.wschat.inmemory..", "io.github.wschat.aws..", "io.github.wschat.example..")
            .because("the emulator is generic: any Lambda WebSocket handler runs on it");

    @ArchTest
    static final ArchRule the_api_does_not_expose_netty = noClasses()
            .that().resideInAPackage("io.github.wschat.local")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    @ArchTest
    static final ArchRule the_implementation_does_not_use_the_api = noClasses()
            .that().resideInAPackage("io.github.wschat.local.internal..")
            .should().dependOnClassesThat().resideInAPackage("io.github.wschat.local");

    /** The access log entry is shared by the API and the implementation, so it needs neither. */
    @ArchTest
    static final ArchRule the_access_log_entry_needs_neither_the_api_nor_the_implementation = noClasses()
            .that().resideInAPackage("io.github.wschat.local.log..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.wschat.local", "io.github.wschat.local.internal..");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("io.github.wschat.local.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_standard_streams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
