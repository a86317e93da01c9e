package io.github.wschat.aws.auth;

import io.github.wschat.core.domain.UserIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link AuthorizerContext#read} tells "no authorizer" (anonymous) from a user's context and from a
 * context it cannot read: the shapes of {@code requestContext.authorizer} an event may carry.
 */
class AuthorizerContextReadTest {

    private static final UserIdentity ALICE = UserIdentity.of("user-1", "Alice", List.of("private-team-*", "lobby"));

    @Test
    void given_no_authorizer_then_no_user() {
        assertThat(AuthorizerContext.read(null)).isEmpty();
        assertThat(AuthorizerContext.read(Map.of())).isEmpty();
    }

    @Test
    void given_the_context_our_authorizer_writes_as_api_gateway_passes_it_on_then_its_user() {
        Map<String, Object> authorizer = new HashMap<>(AuthorizerContext.of(ALICE));
        authorizer.put(AuthorizerContext.PRINCIPAL_ID, "user-1");
        authorizer.put("integrationLatency", 42);

        assertThat(AuthorizerContext.read(authorizer)).contains(ALICE);
    }

    @Test
    void given_a_user_id_only_then_it_is_the_name_too_and_there_are_no_grants() {
        assertThat(AuthorizerContext.read(Map.of("userId", "user-1", "rooms", "")))
                .contains(UserIdentity.of("user-1", "user-1", List.of()));
        assertThat(AuthorizerContext.read(Map.of("userId", "user-1", "principalId", "someone-else")))
                .as("the user id wins over the principal").contains(UserIdentity.of("user-1", "user-1", List.of()));
    }

    @Test
    void given_a_users_own_authorizer_answering_a_principal_only_then_the_principal_is_the_user_without_grants() {
        assertThat(AuthorizerContext.read(Map.of("principalId", "me@example.com", "integrationLatency", 7,
                "tenant", "acme")))
                .contains(UserIdentity.of("me@example.com", "me@example.com", List.of()));
    }

    @Test
    void every_user_of_writes_reads_back_unchanged() {
        List<UserIdentity> users = List.of(ALICE, UserIdentity.of("u", "Zoë", List.of()),
                UserIdentity.of("admin", "Admin", List.of("*")),
                UserIdentity.of("x".repeat(256), "n".repeat(128), List.of("a:b.c_d", "private-*")));

        assertThat(users).allSatisfy(user -> assertThat(AuthorizerContext.read(AuthorizerContext.of(user))).contains(user));
    }

    static Stream<Arguments> unreadableContexts() {
        return Stream.of(
                Arguments.of(Map.of("integrationLatency", 42), "neither 'userId' nor 'principalId'"),
                Arguments.of(Map.of("userId", 42), "'userId' is not a string"),
                Arguments.of(Map.of("userId", "user-1", "name", true), "'name' is not a string"),
                Arguments.of(Map.of("userId", "user-1", "rooms", 3), "'rooms' is not a string"),
                Arguments.of(Map.of("principalId", 12345), "'principalId' is not a string"),
                Arguments.of(Map.of("userId", "  "), "its user id is not 1 to 256"),
                Arguments.of(Map.of("userId", "SECRET\u0000"), "its user id is not 1 to 256"),
                Arguments.of(Map.of("principalId", "SECRET".repeat(50)), "its user id is not 1 to 256"),
                Arguments.of(Map.of("userId", "user-1", "name", "SECRET\n"), "its name is not 1 to 128"),
                Arguments.of(Map.of("userId", "user-1", "name", "SECRET".repeat(22)), "its name is not 1 to 128"),
                Arguments.of(Map.of("userId", "user-1", "rooms", "lobby,,SECRET"), "'rooms' is not a comma-separated"),
                Arguments.of(Map.of("userId", "user-1", "rooms", "lobby,"), "'rooms' is not a comma-separated"),
                Arguments.of(Map.of("userId", "user-1", "rooms", "private SECRET"), "'rooms' is not a comma-separated"),
                Arguments.of(Map.of("userId", "user-1", "rooms", "SECRET".repeat(11)), "'rooms' is not a comma-separated"),
                Arguments.of(Map.of("userId", "user-1", "rooms", "lobby,".repeat(256) + "SECRET"),
                        "at most 256 room names"),
                Arguments.of(Map.of("userId", "anon:SECRET"), "starts with 'anon:', the prefix of anonymous users"),
                Arguments.of(Map.of("principalId", "anon:SECRET"), "starts with 'anon:'"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("unreadableContexts")
    void given_a_context_that_is_not_a_user_then_it_fails_naming_the_key_never_the_value(
            Map<String, Object> authorizer, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> AuthorizerContext.read(authorizer))
                .withMessageContaining(reason)
                .withMessageNotContaining("SECRET")
                .withNoCause();
    }
}
