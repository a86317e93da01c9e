package io.github.wschat.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.wschat.core.architecture.fixture.RuleBreaker;
import io.github.wschat.core.contract.ArchitectureRules;
import io.github.wschat.core.domain.ConnectionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules are not vacuous: each one reports a class that breaks it. */
class ArchitectureRulesTest {

    private final JavaClasses breaker = new ClassFileImporter().importClasses(RuleBreaker.class);

    @Test
    void the_core_rule_reports_a_core_class_using_a_third_party_library() {
        assertThat(ArchitectureRules.coreDependsOnlyOnJdkAndSlf4j().evaluate(breaker).hasViolation()).isTrue();
    }

    @Test
    void the_logging_and_stream_rules_report_their_breakers() {
        assertThat(ArchitectureRules.noJavaUtilLogging().evaluate(breaker).hasViolation()).isTrue();
        assertThat(ArchitectureRules.noStandardStreams().evaluate(breaker).hasViolation()).isTrue();
    }

    @Test
    void a_clean_core_class_passes_the_same_rules() {
        JavaClasses clean = new ClassFileImporter().importClasses(ConnectionId.class);

        assertThat(ArchitectureRules.coreDependsOnlyOnJdkAndSlf4j().evaluate(clean).hasViolation()).isFalse();
        assertThat(ArchitectureRules.noStandardStreams().evaluate(clean).hasViolation()).isFalse();
    }
}
