package io.github.wschat.example;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.CommonModuleRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

@AnalyzeClasses(packages = "io.github.wschat.example", importOptions = ImportOption.DoNotIncludeTests.class)
class ExampleArchitectureTest {

    /** A handler is wiring: it hands the event to the library's adapter and holds no logic of its own. */
    @ArchTest
    static final ArchRule handlers_are_only_wiring = classes().that().haveSimpleNameEndingWith("Handler")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java.lang..", "com.amazonaws.services.lambda.runtime..", "io.github.wschat.aws.lambda..",
                    "io.github.wschat.example..")
            .andShould().haveOnlyFinalFields();

    @ArchTest
    static final ArchTests common_rules = ArchTests.in(CommonModuleRules.class);
}
