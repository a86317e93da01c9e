package io.github.wschat.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.core.contract.CommonModuleRules;

/** The server gets its use cases from {@code ApiGatewayChat} and makes no service; no cycles, no standard streams. */
@AnalyzeClasses(packages = "io.github.wschat.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule sees_use_cases_only = ArchitectureRules.seesUseCasesOnly("io.github.wschat.server..");

    @ArchTest
    static final ArchTests common_rules = ArchTests.in(CommonModuleRules.class);
}
