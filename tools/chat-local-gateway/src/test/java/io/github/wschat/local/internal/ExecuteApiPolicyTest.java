package io.github.wschat.local.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.wschat.local.internal.ExecuteApiPolicy.Decision.ALLOW;
import static io.github.wschat.local.internal.ExecuteApiPolicy.Decision.EXPLICIT_DENY;
import static io.github.wschat.local.internal.ExecuteApiPolicy.Decision.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM's evaluation of an authorizer's policy for {@code execute-api:Invoke} on one method ARN. */
class ExecuteApiPolicyTest {

    private static final String ARN = "arn:aws:execute-api:local:000000000000:chatapi/production/$connect";

    @Test
    void given_wildcards_then_star_matches_any_run_and_question_mark_one_character() {
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:*:*:*/*/*", ARN, false)).isTrue();
        assertThat(ExecuteApiPolicy.matches("*", ARN, false)).isTrue();
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:local:000000000000:chatapi/*", ARN, false)).isTrue();
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:local:000000000000:chatapi/productio?/$connect", ARN, false)).isTrue();
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:local:000000000000:chatapi/?/$connect", ARN, false)).isFalse();
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:local:000000000000:chatapi/production/$CONNECT", ARN, false)).isFalse();
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:local:000000000000:chatapi/production", ARN, false)).isFalse();
        assertThat(ExecuteApiPolicy.matches("arn:aws:execute-api:local:000000000000:chat.pi/production/$connect", ARN, false))
                .as("regex characters are literal").isFalse();
    }

    @Test
    void given_actions_then_they_match_without_regard_to_case() {
        assertThat(ExecuteApiPolicy.decide(List.of(statement("Allow", "execute-api:invoke", ARN)), ARN)).isEqualTo(ALLOW);
        assertThat(ExecuteApiPolicy.decide(List.of(statement("Allow", "execute-api:*", ARN)), ARN)).isEqualTo(ALLOW);
        assertThat(ExecuteApiPolicy.decide(List.of(statement("Allow", "*", ARN)), ARN)).isEqualTo(ALLOW);
        assertThat(ExecuteApiPolicy.decide(List.of(statement("Allow", "execute-api:ManageConnections", ARN)), ARN))
                .isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void given_a_matching_deny_then_it_wins_over_any_allow_in_any_order() {
        Map<String, Object> allow = statement("Allow", "execute-api:Invoke", "*");
        Map<String, Object> deny = statement("Deny", "execute-api:Invoke", ARN);

        assertThat(ExecuteApiPolicy.decide(List.of(allow, deny), ARN)).isEqualTo(EXPLICIT_DENY);
        assertThat(ExecuteApiPolicy.decide(List.of(deny, allow), ARN)).isEqualTo(EXPLICIT_DENY);
        assertThat(ExecuteApiPolicy.decide(List.of(allow, statement("Deny", "execute-api:Invoke", "arn:other")), ARN))
                .isEqualTo(ALLOW);
        assertThat(ExecuteApiPolicy.decide(List.of(), ARN)).isEqualTo(IMPLICIT_DENY);
    }

    @Test
    void given_resources_as_an_array_a_list_or_one_string_then_any_matching_one_counts() {
        assertThat(ExecuteApiPolicy.decide(List.of(Map.of("Effect", "Allow", "Action", "execute-api:Invoke",
                "Resource", new String[] {"arn:other", ARN})), ARN)).isEqualTo(ALLOW);
        assertThat(ExecuteApiPolicy.decide(List.of(Map.of("Effect", "Allow", "Action", List.of("s3:*", "execute-api:Invoke"),
                "Resource", ARN)), ARN)).isEqualTo(ALLOW);
        assertThat(ExecuteApiPolicy.decide(List.of(Map.of("Effect", "Allow", "Action", "execute-api:Invoke")), ARN))
                .isEqualTo(IMPLICIT_DENY);
    }

    private static Map<String, Object> statement(String effect, String action, String resource) {
        return Map.of("Effect", effect, "Action", action, "Resource", new String[] {resource});
    }
}
