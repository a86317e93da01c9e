package io.github.wschat.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.core.contract.LibraryModuleRules;

@AnalyzeClasses(packages = "io.github.wschat.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_and_slf4j = ArchitectureRules.coreDependsOnlyOnJdkAndSlf4j();

    @ArchTest
    static final ArchRule core_layers_point_inwards = ArchitectureRules.coreLayersPointInwards();

    @ArchTest
    static final ArchTests library_rules = ArchTests.in(LibraryModuleRules.class);
}
