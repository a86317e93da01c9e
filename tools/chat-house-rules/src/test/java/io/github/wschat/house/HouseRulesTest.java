package io.github.wschat.house;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.wschat.benchmarks.housefixture.Prints;
import io.github.wschat.benchmarks.housefixture.PrintsInMainOnly;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.example.housefixture.ReachesIntoTools;
import io.github.wschat.inmemory.housefixture.MakesAService;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole house at once: every module's main classes, library and workshop. */
class HouseRulesTest {

    private static final JavaClasses EVERY_MODULE = HouseRules.mainClassesOfEveryModule();

    @Test
    void the_rules_see_the_main_classes_of_every_module_and_no_tests() {
        List<String> modulePackages = List.of("io.github.wschat.core", "io.github.wschat.json",
                "io.github.wschat.inmemory", "io.github.wschat.aws", "io.github.wschat.example",
                "io.github.wschat.testkit", "io.github.wschat.server", "io.github.wschat.local", "io.github.wschat.local.runner",
                "io.github.wschat.benchmarks");
        for (String module : modulePackages) {
            assertThat(EVERY_MODULE.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                    .as("main classes of %s", module).isTrue();
        }
        assertThat(EVERY_MODULE.stream().map(JavaClass::getName)
                .filter(name -> !name.contains(".jmh_generated."))  // JMH's generated main classes end in _jmhTest
                .filter(name -> name.endsWith("Test") || name.endsWith("Contract") || name.contains(".house.")))
                .as("test classes read").isEmpty();
    }

    @Test
    void the_library_never_depends_on_the_tools() {
        HouseRules.libraryNeverDependsOnTools().check(EVERY_MODULE);
    }

    @Test
    void adapters_use_the_core_only_through_its_ports_and_domain() {
        HouseRules.adaptersUseTheCoreThroughPortsAndDomainOnly().check(EVERY_MODULE);
    }

    @Test
    void no_package_cycles_anywhere() {
        ArchitectureRules.noPackageCycles().check(EVERY_MODULE);
    }

    @Test
    void standard_streams_only_in_the_main_methods_of_tools() {
        HouseRules.standardStreamsOnlyInTheToolsMainMethods().check(EVERY_MODULE);
    }

    /*
     * The rules can fail: each refuses a fixture of this module's tests (never read by the checks
     * above, which read main classes only) that breaks it.
     */
    @Test
    void the_rules_do_flag_what_breaks_them() {
        assertThat(violates(HouseRules.libraryNeverDependsOnTools(), ReachesIntoTools.class)).isTrue();
        assertThat(violates(HouseRules.adaptersUseTheCoreThroughPortsAndDomainOnly(), MakesAService.class)).isTrue();
        assertThat(violates(HouseRules.standardStreamsOnlyInTheToolsMainMethods(), Prints.class)).isTrue();
        assertThat(violates(HouseRules.standardStreamsOnlyInTheToolsMainMethods(), PrintsInMainOnly.class)).isFalse();
    }

    private static boolean violates(ArchRule rule, Class<?> fixture) {
        return rule.evaluate(new ClassFileImporter().importClasses(fixture)).hasViolation();
    }
}
