package io.github.wschat.inmemory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;

@AnalyzeClasses(packages = "io.github.wschat.inmemory", importOptions = ImportOption.DoNotIncludeTests.class)
class InMemoryArchitectureTest {

    @ArchTest
    static final ArchRule does_not_depend_on_other_adapters =
            ArchitectureRules.adapterDoesNotDependOnOtherAdapters(ArchitectureRules.INMEMORY);

    @ArchTest
    static final ArchRule no_aws_types = ArchitectureRules.noAwsTypes();

    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.noPackageCycles();

    @ArchTest
    static final ArchRule no_java_util_logging = ArchitectureRules.noJavaUtilLogging();

    @ArchTest
    static final ArchRule no_standard_streams = ArchitectureRules.noStandardStreams();
}
