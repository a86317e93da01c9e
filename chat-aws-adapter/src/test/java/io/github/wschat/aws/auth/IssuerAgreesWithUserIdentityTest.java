package io.github.wschat.aws.auth;

import io.github.wschat.core.domain.UserIdentity;
import io.github.wschat.testkit.jwt.LoopbackIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's token endpoint ({@code CHAT_AUTH=dev}) accepts exactly the users a {@link UserIdentity} accepts (the
 * kit depends on no wschat module, so it carries the same rules), and what it hands out this authorizer allows.
 */
class IssuerAgreesWithUserIdentityTest {

    private static final List<String[]> CASES = List.of(
            new String[] {"alice", "Alice", "lobby,private-team-*"},
            new String[] {"bob", null, null},
            new String[] {"5f1e7a2c-0000-4000-8000-000000000001", "Zoë Ünicode", "*"},
            new String[] {"", "x", null},
            new String[] {"   ", null, null},
            new String[] {"u".repeat(256), "n".repeat(128), null},
            new String[] {"u".repeat(257), null, null},
            new String[] {"carol", "n".repeat(129), null},
            new String[] {"tab\tuser", null, null},
            new String[] {"dave", "bell\u0007", null},
            new String[] {"erin", null, "no spaces"},
            new String[] {"frank", null, "a,,b"},
            new String[] {"gina", null, "r".repeat(65)},
            new String[] {"hank", null, "p".repeat(63) + "*"});

    private static LoopbackIssuer issuer;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        issuer = LoopbackIssuer.builder().tokenEndpoint(true).start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void the_token_endpoint_refuses_what_a_user_identity_refuses_and_its_tokens_are_allowed() throws Exception {
        JwtVerifier verifier = JwtVerifier.create(AuthSettings.builder().issuer(issuer.issuer().toString())
                .audience(issuer.audience()).build());
        for (String[] c : CASES) {
            String user = c[0];
            String name = c[1];
            List<String> grants = c[2] == null || c[2].isEmpty() ? List.of() : Arrays.asList(c[2].split(",", -1));
            boolean valid = isValid(user, name == null ? user : name, grants);

            HttpResponse<String> response = get(user, name, c[2]);

            assertThat(response.statusCode()).as("user %s, name %s, rooms %s", user, name, c[2]).isEqualTo(valid ? 200 : 400);
            if (valid) {
                TokenVerification verification = verifier.verify(response.body());
                assertThat(verification).isEqualTo(new TokenVerification.Verified(
                        UserIdentity.of(user, name == null ? user : name, grants)));
            } else {
                assertThat(response.body()).doesNotContain("\n").isNotBlank();
            }
        }
    }

    private static boolean isValid(String user, String name, List<String> grants) {
        try {
            UserIdentity.of(user, name, grants);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String user, String name, String rooms) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("user=").append(encode(user));
        if (name != null) {
            query.append("&name=").append(encode(name));
        }
        if (rooms != null) {
            query.append("&rooms=").append(encode(rooms));
        }
        return http.send(HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint() + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
