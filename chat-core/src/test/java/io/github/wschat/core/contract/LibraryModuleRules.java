package io.github.wschat.core.contract;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every library module keeps (core, JSON, in-memory). A module's architecture test
 * includes them with {@code @ArchTest static final ArchTests library = ArchTests.in(LibraryModuleRules.class);}.
 * The AWS modules include {@link CommonModuleRules} instead, since AWS types are their business.
 */
public final class LibraryModuleRules {

    @ArchTest
    static final ArchRule no_aws_types = ArchitectureRules.noAwsTypes();

    @ArchTest
    static final ArchTests common = ArchTests.in(CommonModuleRules.class);

    private LibraryModuleRules() {
    }
}
