package io.github.wschat.aws.auth;

import io.github.wschat.testkit.jwt.LoopbackIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code scope} claim of a verified token, as the server API reads {@code wschat:server} from it. */
class JwtVerifierScopeTest {

    private static LoopbackIssuer issuer;
    private static JwtVerifier verifier;

    @BeforeAll
    static void start() {
        issuer = LoopbackIssuer.start();
        verifier = JwtVerifier.create(AuthSettings.builder().issuer(issuer.issuer().toString())
                .audience(issuer.audience()).build());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    private static TokenVerification.Verified verified(Object scope) {
        LoopbackIssuer.TokenBuilder token = issuer.token();
        if (scope != null) {
            token.claim("scope", scope);
        }
        TokenVerification verification = verifier.verify(token.sign());
        assertThat(verification).isInstanceOf(TokenVerification.Verified.class);
        return (TokenVerification.Verified) verification;
    }

    @Test
    void a_space_separated_string_or_a_list_of_strings_gives_the_scopes() {
        assertThat(verified("openid  wschat:server profile").scopes()).containsExactlyInAnyOrder("openid",
                "wschat:server", "profile");
        assertThat(verified(List.of("wschat:server", "read")).hasScope("wschat:server")).isTrue();
    }

    @Test
    void no_scope_or_one_that_is_neither_grants_none_and_the_token_still_passes() {
        assertThat(verified(null).scopes()).isEmpty();
        assertThat(verified(42).scopes()).isEmpty();
        assertThat(verified(Map.of("wschat:server", true)).hasScope("wschat:server")).isFalse();
        assertThat(verified("wschat:serverless").hasScope("wschat:server")).isFalse();
        assertThat(new TokenVerification.Verified(verified(null).user())).isEqualTo(
                new TokenVerification.Verified(verified(null).user(), Set.of()));
    }
}
