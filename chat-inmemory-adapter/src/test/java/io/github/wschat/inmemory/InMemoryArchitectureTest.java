package io.github.wschat.inmemory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.core.contract.LibraryModuleRules;

@AnalyzeClasses(packages = "io.github.wschat.inmemory", importOptions = ImportOption.DoNotIncludeTests.class)
class InMemoryArchitectureTest {

    @ArchTest
    static final ArchRule does_not_depend_on_other_adapters =
            ArchitectureRules.adapterDoesNotDependOnOtherAdapters(ArchitectureRules.INMEMORY);

    @ArchTest
    static final ArchTests library_rules = ArchTests.in(LibraryModuleRules.class);
}
