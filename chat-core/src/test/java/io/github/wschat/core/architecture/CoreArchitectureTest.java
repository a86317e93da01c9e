package io.github.wschat.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;

@AnalyzeClasses(packages = "io.github.wschat.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_and_slf4j = ArchitectureRules.coreDependsOnlyOnJdkAndSlf4j();

    @ArchTest
    static final ArchRule core_layers_point_inwards = ArchitectureRules.coreLayersPointInwards();

    @ArchTest
    static final ArchRule no_aws_types = ArchitectureRules.noAwsTypes();

    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.noPackageCycles();

    @ArchTest
    static final ArchRule no_java_util_logging = ArchitectureRules.noJavaUtilLogging();

    @ArchTest
    static final ArchRule no_standard_streams = ArchitectureRules.noStandardStreams();
}
