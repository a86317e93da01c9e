package io.github.wschat.aws.auth;

import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.aws.lambda.LogCapture;
import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import io.github.wschat.testkit.jwt.LoopbackIssuer.Key;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.github.wschat.aws.auth.AuthorizerEvents.METHOD_ARN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code $connect} authorizer against the kit's {@link LoopbackIssuer} over real loopback HTTP: real keys,
 * real tokens, nimbus verifying them, the key set fetched as in Lambda. Time moves on a {@link MovableClock}
 * where a test needs it to; nothing sleeps.
 */
class JwtAuthorizerTest {

    private LoopbackIssuer issuer;
    private MovableClock clock;
    private JwtAuthorizer authorizer;

    @BeforeEach
    void start() {
        issuer = LoopbackIssuer.start();
        clock = new MovableClock();
        authorizer = authorizerFor(settings().build());
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private AuthSettings.Builder settings() {
        return AuthSettings.builder().issuer(issuer.issuer().toString()).audience(issuer.audience());
    }

    private JwtAuthorizer authorizerFor(AuthSettings settings) {
        return JwtAuthorizer.of(JwtVerifier.builder().settings(settings).clock(clock).build());
    }

    private IamPolicyResponseV1 authorize(String token) {
        return authorizer.authorize(AuthorizerEvents.connect(token));
    }

    private Refusal refusal(String token) {
        return ((TokenVerification.Refused) authorizer.verifier().verify(token)).reason();
    }

    private static void assertAllowed(IamPolicyResponseV1 answer, String userId, String name, String rooms) {
        assertThat(answer.getPrincipalId()).isEqualTo(userId);
        assertThat(statement(answer)).containsEntry("Effect", "Allow").containsEntry("Action", "execute-api:Invoke");
        assertThat((String[]) statement(answer).get("Resource")).containsExactly(METHOD_ARN);
        assertThat(answer.getPolicyDocument()).containsEntry("Version", "2012-10-17");
        assertThat(answer.getContext()).containsExactly(
                Map.entry(AuthorizerContext.USER_ID, userId), Map.entry(AuthorizerContext.NAME, name),
                Map.entry(AuthorizerContext.ROOMS, rooms));
    }

    private static void assertDenied(IamPolicyResponseV1 answer) {
        assertThat(answer.getPrincipalId()).isEqualTo(JwtAuthorizer.ANONYMOUS_PRINCIPAL);
        assertThat(statement(answer)).containsEntry("Effect", "Deny").containsEntry("Action", "execute-api:Invoke");
        assertThat((String[]) statement(answer).get("Resource")).containsExactly(METHOD_ARN);
        assertThat(answer.getContext()).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(IamPolicyResponseV1 answer) {
        Object[] statements = (Object[]) answer.getPolicyDocument().get("Statement");
        assertThat(statements).hasSize(1);
        return (Map<String, Object>) statements[0];
    }

    @Nested
    class Allowed {

        @Test
        void an_rs256_token_allows_the_connect_route_with_the_user_as_context() {
            String token = issuer.token().subject("alice").name("Alice").rooms(List.of("private-team-*", "lobby")).sign();

            assertAllowed(authorize(token), "alice", "Alice", "private-team-*,lobby");
        }

        @Test
        void an_es256_token_allows_too() {
            String token = issuer.token().subject("bob").name("Bob").signedWith(Key.EC).sign();

            assertAllowed(authorize(token), "bob", "Bob", "");
        }

        @Test
        void the_name_falls_back_to_preferred_username_then_cognito_username_then_sub() {
            String preferred = issuer.token().subject("u1").claim("preferred_username", "carol")
                    .claim("cognito:username", "carol-c").sign();
            String cognito = issuer.token().subject("u2").claim("cognito:username", "dave").sign();
            String subject = issuer.token().subject("u3").sign();

            assertAllowed(authorize(preferred), "u1", "carol", "");
            assertAllowed(authorize(cognito), "u2", "dave", "");
            assertAllowed(authorize(subject), "u3", "u3", "");
        }

        @Test
        void a_cognito_access_token_names_the_audience_in_client_id_instead_of_aud() {
            String token = issuer.token().subject("5f1e7a2c-0000-4000-8000-000000000001").audience(null)
                    .claim("client_id", issuer.audience()).claim("token_use", "access")
                    .claim("cognito:username", "erin").sign();

            assertAllowed(authorize(token), "5f1e7a2c-0000-4000-8000-000000000001", "erin", "");
        }

        @Test
        void an_expired_token_is_accepted_within_the_60_s_clock_skew_and_so_is_one_not_yet_valid() {
            String justExpired = issuer.token().expiresAt(Instant.now().minusSeconds(30)).sign();
            String almostValid = issuer.token().notBefore(Instant.now().plusSeconds(30)).sign();

            assertAllowed(authorize(justExpired), LoopbackIssuer.DEFAULT_SUBJECT, LoopbackIssuer.DEFAULT_SUBJECT, "");
            assertAllowed(authorize(almostValid), LoopbackIssuer.DEFAULT_SUBJECT, LoopbackIssuer.DEFAULT_SUBJECT, "");
        }

        @Test
        void an_issuer_configured_with_a_trailing_slash_finds_the_same_key_set() {
            AuthSettings settings = settings().issuer(issuer.issuer() + "/").build();

            assertThat(settings.jwksUrl()).isEqualTo(issuer.jwksUrl());
        }
    }

    @Nested
    class Denied {

        @Test
        void no_token_an_empty_token_and_garbage() {
            assertDenied(authorize(null));
            assertDenied(authorize(""));
            assertDenied(authorize("   "));
            assertDenied(authorize("not-a-jwt"));
            assertDenied(authorize("a.b.c"));
            assertThat(refusal(null)).isEqualTo(Refusal.NO_TOKEN);
            assertThat(refusal("a.b.c")).isEqualTo(Refusal.MALFORMED);
            assertThat(refusal("x".repeat(JwtVerifier.MAX_TOKEN_CHARS + 1))).isEqualTo(Refusal.MALFORMED);
            assertThat(issuer.jwksFetches()).as("garbage never fetches the key set").isZero();
        }

        @Test
        void an_event_without_query_parameters_or_no_event_at_all() {
            assertDenied(authorizer.authorize(AuthorizerEvents.connect(null)));
            IamPolicyResponseV1 none = authorizer.authorize(null);
            assertThat(none.getPrincipalId()).isEqualTo(JwtAuthorizer.ANONYMOUS_PRINCIPAL);
            assertThat(statement(none)).containsEntry("Effect", "Deny");
        }

        @Test
        void expired_beyond_the_skew() {
            String token = issuer.token().expiresAt(Instant.now().minusSeconds(61)).sign();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.EXPIRED);
        }

        @Test
        void expired_once_the_clock_moves_past_exp_and_the_skew() {
            String token = issuer.token().expiresIn(Duration.ofMinutes(5)).sign();
            assertThat(authorizer.verifier().verify(token).isVerified()).isTrue();

            clock.advance(Duration.ofMinutes(6).plusSeconds(1));

            assertThat(refusal(token)).isEqualTo(Refusal.EXPIRED);
        }

        @Test
        void not_yet_valid_beyond_the_skew() {
            String token = issuer.token().notBefore(Instant.now().plusSeconds(120)).sign();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.NOT_YET_VALID);
        }

        @Test
        void a_token_without_exp() {
            String token = issuer.token().expiresAt(null).sign();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.MISSING_CLAIM);
        }

        @Test
        void the_wrong_issuer() {
            String other = issuer.token().issuer("https://evil.example.com").sign();
            String slashed = issuer.token().issuer(issuer.issuer() + "/").sign();

            assertDenied(authorize(other));
            assertThat(refusal(other)).isEqualTo(Refusal.WRONG_ISSUER);
            assertThat(refusal(slashed)).as("iss is compared exactly").isEqualTo(Refusal.WRONG_ISSUER);
        }

        @Test
        void the_wrong_audience_or_client_id() {
            String audience = issuer.token().audience("another-app").sign();
            String clientId = issuer.token().audience(null).claim("client_id", "another-app-client").sign();

            assertDenied(authorize(audience));
            assertThat(refusal(audience)).isEqualTo(Refusal.WRONG_AUDIENCE);
            assertThat(refusal(clientId)).isEqualTo(Refusal.WRONG_AUDIENCE);
        }

        @Test
        void a_key_not_in_the_key_set() {
            String token = issuer.token().signedWith(Key.UNKNOWN_RSA).sign();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isIn(Refusal.UNKNOWN_KEY, Refusal.JWKS_REFRESH_LIMITED);
        }

        @Test
        void a_known_kid_on_a_forged_signature() {
            String token = issuer.token().signedWith(Key.UNKNOWN_RSA).keyId(issuer.keyId(Key.RSA)).sign();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void a_payload_changed_after_signing() {
            String token = issuer.tampered();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.BAD_SIGNATURE);
        }

        @Test
        void alg_none() {
            String token = issuer.unsigned();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.ALGORITHM_REFUSED);
        }

        @Test
        void hs256_signed_with_the_public_key_as_secret() {
            String token = issuer.hs256WithPublicKeyAsSecret();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.ALGORITHM_REFUSED);
            assertThat(issuer.jwksFetches()).as("refused before any key is looked up").isZero();
        }

        @Test
        void a_token_without_sub() {
            String token = issuer.token().subject(null).sign();

            assertDenied(authorize(token));
            assertThat(refusal(token)).isEqualTo(Refusal.MISSING_CLAIM);
        }

        @Test
        void a_rooms_claim_that_is_not_a_list_of_grants() {
            List<String> tokens = List.of(
                    issuer.token().claim("rooms", "private-a,private-b").sign(),
                    issuer.token().claim("rooms", List.of(1, 2)).sign(),
                    issuer.token().rooms(List.of("lobby", "no spaces allowed")).sign(),
                    issuer.token().rooms(List.of("a,b")).sign());

            for (String token : tokens) {
                assertDenied(authorize(token));
                assertThat(refusal(token)).isEqualTo(Refusal.BAD_CLAIM);
            }
        }

        @Test
        void a_name_or_subject_a_user_identity_refuses() {
            String longName = issuer.token().name("n".repeat(200)).sign();
            String control = issuer.token().name("Mallory\u0007").sign();
            String longSubject = issuer.token().subject("s".repeat(300)).sign();
            String anonymousLike = issuer.token().subject(UserIdentity.ANONYMOUS_PREFIX + "abc=").sign();

            for (String token : List.of(longName, control, longSubject, anonymousLike)) {
                assertDenied(authorize(token));
                assertThat(refusal(token)).isEqualTo(Refusal.BAD_CLAIM);
            }
        }

        @Test
        void an_allow_above_api_gateways_8_kb_authorizer_result_is_answered_deny() {
            List<String> grants = IntStream.range(0, 130).mapToObj(i -> "%03d-".formatted(i) + "r".repeat(60)).toList();
            String token = issuer.token().name("A".repeat(128)).rooms(grants).sign();
            String fits = issuer.token().rooms(grants.subList(0, 100)).sign();

            try (LogCapture log = LogCapture.start()) {
                assertDenied(authorize(token));
                assertThat(log.recordsAtLeast(Level.WARN)).anyMatch(record -> record.text().contains("context_too_large"));
            }
            IamPolicyResponseV1 allowed = authorize(fits);
            assertThat(allowed.getPrincipalId()).isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);
            assertThat(JwtAuthorizer.serializedSize(allowed)).isBetween(6_000, JwtAuthorizer.MAX_RESULT_BYTES);
        }
    }

    @Nested
    class KeySet {

        @Test
        void is_fetched_once_for_50_verifications_with_the_same_key() {
            for (int i = 0; i < 50; i++) {
                assertThat(authorize(issuer.token().subject("user-" + i).sign()).getPrincipalId()).isEqualTo("user-" + i);
            }

            assertThat(issuer.jwksFetches()).isEqualTo(1);
        }

        @Test
        void is_fetched_again_for_an_unknown_kid_and_a_kid_still_unknown_after_that_is_refused() {
            authorize(issuer.token().sign());
            String unknown = issuer.token().signedWith(Key.UNKNOWN_RSA).sign();

            assertThat(refusal(unknown)).isEqualTo(Refusal.UNKNOWN_KEY);

            assertThat(issuer.jwksFetches()).as("one fetch on first use, one for the unknown kid").isEqualTo(2);
            assertThat(authorize(issuer.token().signedWith(Key.EC).sign()).getPrincipalId())
                    .as("the refreshed set still serves the known keys").isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);
            assertThat(issuer.jwksFetches()).isEqualTo(2);
        }

        @Test
        void a_flood_of_unknown_kids_fetches_at_most_twice_per_refresh_interval() {
            authorize(issuer.token().sign());                                       // fetch 1 opens the interval
            for (int i = 0; i < 100; i++) {
                assertDenied(authorize(issuer.token().keyId("rsa-flood" + i).sign()));
            }
            assertThat(issuer.jwksFetches()).as("two in the first 30 s").isEqualTo(2);
            assertThat(authorize(issuer.token().sign()).getPrincipalId()).as("valid tokens still pass, from the cache")
                    .isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);

            clock.advance(AuthSettings.DEFAULT_JWKS_MIN_REFRESH_INTERVAL);
            for (int i = 0; i < 100; i++) {
                assertDenied(authorize(issuer.token().keyId("rsa-flood-again" + i).sign()));
            }

            assertThat(issuer.jwksFetches()).as("and two more in the next interval").isEqualTo(4);
        }

        @Test
        void is_fetched_again_when_its_time_to_live_has_passed() {
            authorize(issuer.token().sign());

            clock.advance(AuthSettings.DEFAULT_JWKS_CACHE_TIME_TO_LIVE.plusSeconds(1));
            authorize(issuer.token().sign());

            assertThat(issuer.jwksFetches()).isEqualTo(2);
        }

        @Test
        void unavailable_answers_deny_without_an_exception_and_the_next_token_after_recovery_is_allowed() {
            issuer.jwksAvailable(false);
            String token = issuer.token().sign();

            try (LogCapture log = LogCapture.start()) {
                assertDenied(authorize(token));
                assertThat(log.recordsAtLeast(Level.WARN)).anyMatch(record ->
                        record.text().contains(issuer.jwksUrl().toString()));
                assertThat(log.records()).anyMatch(record -> record.text().equals("authorizer: Deny (jwks_unavailable)"))
                        .noneMatch(record -> record.text().contains(token));
            }
            assertThat(issuer.jwksFetches()).isEqualTo(1);

            issuer.jwksAvailable(true);

            assertAllowed(authorize(issuer.token().sign()), LoopbackIssuer.DEFAULT_SUBJECT, LoopbackIssuer.DEFAULT_SUBJECT, "");
        }

        @Test
        void a_long_outage_is_retried_at_most_twice_per_interval_and_recovers_when_the_interval_has_passed() {
            issuer.jwksAvailable(false);
            for (int i = 0; i < 10; i++) {
                assertDenied(authorize(issuer.token().sign()));
            }
            assertThat(issuer.jwksFetches()).isEqualTo(2);
            issuer.jwksAvailable(true);
            assertThat(refusal(issuer.token().sign())).as("still within the interval").isEqualTo(Refusal.JWKS_REFRESH_LIMITED);

            clock.advance(AuthSettings.DEFAULT_JWKS_MIN_REFRESH_INTERVAL);

            assertThat(authorize(issuer.token().sign()).getPrincipalId()).isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);
            assertThat(issuer.jwksFetches()).isEqualTo(3);
        }

        @Test
        void without_a_rate_limit_every_call_during_an_outage_retries() {
            authorizer = authorizerFor(settings().jwksMinRefreshInterval(Duration.ZERO).build());
            issuer.jwksAvailable(false);
            for (int i = 0; i < 5; i++) {
                assertDenied(authorize(issuer.token().sign()));
            }
            issuer.jwksAvailable(true);

            assertThat(authorize(issuer.token().sign()).getPrincipalId()).isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);
            assertThat(issuer.jwksFetches()).isEqualTo(6);
        }

        @Test
        void an_issuer_that_is_not_listening_answers_deny() {
            issuer.close();

            assertDenied(authorize(issuer.token().sign()));
            assertThat(refusal(issuer.token().sign())).isIn(Refusal.JWKS_UNAVAILABLE, Refusal.JWKS_REFRESH_LIMITED);
        }
    }

    @Test
    void decisions_are_logged_at_info_with_the_reason_code_only() {
        String token = issuer.token().subject("secret-subject-42").name("Alice").sign();
        String expired = issuer.token().expiresAt(Instant.now().minusSeconds(3600)).sign();

        try (LogCapture log = LogCapture.start()) {
            authorize(token);
            authorize(expired);

            List<String> info = log.recordsAtLeast(Level.INFO).stream()
                    .filter(record -> record.logger().contains("JwtAuthorizer")).map(LogCapture.LogRecord::text).toList();
            assertThat(info).containsExactly("authorizer: Allow", "authorizer: Deny (expired)");
            assertThat(log.records()).noneMatch(record -> record.text().contains(token) || record.text().contains(expired)
                    || record.text().contains("secret-subject-42") || record.text().contains("Alice"));
        }
    }

    @Test
    void refusal_codes_are_lower_case_names() {
        assertThat(Refusal.CONTEXT_TOO_LARGE.code()).isEqualTo("context_too_large");
        assertThat(Collections.frequency(List.of(Refusal.values()).stream().map(Refusal::code).toList(), "expired")).isEqualTo(1);
    }
}
