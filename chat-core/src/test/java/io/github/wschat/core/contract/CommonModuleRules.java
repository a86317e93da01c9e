package io.github.wschat.core.contract;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules every module of wschat keeps, AWS modules included. */
public final class CommonModuleRules {

    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.noPackageCycles();

    @ArchTest
    static final ArchRule no_java_util_logging = ArchitectureRules.noJavaUtilLogging();

    @ArchTest
    static final ArchRule no_standard_streams = ArchitectureRules.noStandardStreams();

    private CommonModuleRules() {
    }
}
