package io.github.wschat.example;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.core.contract.CommonModuleRules;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.github.wschat.example", importOptions = ImportOption.DoNotIncludeTests.class)
class ExampleArchitectureTest {

    /** A handler is wiring: it hands the event to the library's adapter and holds no logic of its own. */
    @ArchTest
    static final ArchRule handlers_are_only_wiring = classes().that().haveSimpleNameEndingWith("Handler")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java.lang..", "java.util..", "com.amazonaws.services.lambda.runtime..", "io.github.wschat.aws.lambda..",
                    "io.github.wschat.aws.auth..", "io.github.wschat.example..")
            .andShould().haveOnlyFinalFields();

    /**
     * The SnapStart priming runs on throwaway clients with static dummy credentials: it never reaches
     * the container's application, its clients, or a credentials provider that would look up real
     * credentials and cache them in the snapshot.
     */
    @ArchTest
    static final ArchRule priming_never_touches_the_applications_clients_or_credentials = noClasses()
            .that().haveNameMatching(".*\\.(SnapStartPriming|PrimingClients)(\\$.*)?")
            .should().callMethod(ChatApplication.class, "instance")
            .orShould().callMethod(ChatApplication.class, "create", ExampleConfiguration.class)
            .orShould().callMethod(ChatApplication.class, "adapter")
            .orShould().dependOnClassesThat(resideInAPackage("software.amazon.awssdk.auth.credentials..")
                    .and(not(type(AwsCredentialsProvider.class)))
                    .and(not(type(StaticCredentialsProvider.class)))
                    .and(not(type(AwsBasicCredentials.class))));

    /** The example wires the chat through {@code ApiGatewayChat}, as the priming does: it never makes a service itself. */
    @ArchTest
    static final ArchRule the_example_sees_use_cases_only = ArchitectureRules.seesUseCasesOnly(ArchitectureRules.EXAMPLE);

    @ArchTest
    static final ArchTests common_rules = ArchTests.in(CommonModuleRules.class);
}
