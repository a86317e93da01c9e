package io.github.wschat.aws;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.core.contract.CommonModuleRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@AnalyzeClasses(packages = "io.github.wschat.aws", importOptions = ImportOption.DoNotIncludeTests.class)
class AwsArchitectureTest {

    @ArchTest
    static final ArchRule does_not_depend_on_other_adapters =
            ArchitectureRules.adapterDoesNotDependOnOtherAdapters(ArchitectureRules.AWS);

    /** The event adapter gets the use cases from the wiring ({@link ApiGatewayChat}) and never makes a service. */
    @ArchTest
    static final ArchRule the_lambda_adapter_sees_use_cases_only =
            ArchitectureRules.seesUseCasesOnly("io.github.wschat.aws.lambda..");

    @ArchTest
    static final ArchTests common_rules = ArchTests.in(CommonModuleRules.class);

    @Test
    void the_use_cases_only_rule_does_flag_the_wiring() {
        JavaClasses wiring = new ClassFileImporter().importClasses(ApiGatewayChat.class);

        assertThat(ArchitectureRules.seesUseCasesOnly("io.github.wschat.aws..").evaluate(wiring).hasViolation()).isTrue();
    }

    @Test
    void the_no_aws_types_rule_that_guards_the_other_modules_does_flag_this_one() {
        JavaClasses aws = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.github.wschat.aws");

        assertThat(ArchitectureRules.noAwsTypes().evaluate(aws).hasViolation()).isTrue();
    }
}
