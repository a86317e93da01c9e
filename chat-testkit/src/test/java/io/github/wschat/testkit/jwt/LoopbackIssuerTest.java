package io.github.wschat.testkit.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.wschat.testkit.jwt.LoopbackIssuer.Key;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackIssuerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LoopbackIssuer issuer;

    @BeforeEach
    void start() {
        issuer = LoopbackIssuer.builder().tokenEndpoint(true).start();
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JWKSet keySet() throws Exception {
        return JWKSet.parse(get(issuer.jwksUrl()).body());
    }

    @Test
    void serves_the_public_rsa_and_ec_keys_on_loopback_under_the_well_known_path() throws Exception {
        JWKSet keys = keySet();

        assertThat(issuer.issuer().toString()).startsWith("http://127.0.0.1:");
        assertThat(issuer.jwksUrl()).isEqualTo(URI.create(issuer.issuer() + "/.well-known/jwks.json"));
        assertThat(keys.getKeys()).extracting(JWK::getKeyID)
                .containsExactlyInAnyOrder(issuer.keyId(Key.RSA), issuer.keyId(Key.EC))
                .doesNotContain(issuer.keyId(Key.UNKNOWN_RSA));
        assertThat(keys.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(issuer.keyId(Key.UNKNOWN_RSA)).startsWith("rsa-").hasSameSizeAs(issuer.keyId(Key.RSA));
        assertThat(issuer.audience()).isEqualTo(LoopbackIssuer.DEFAULT_AUDIENCE);
    }

    @Test
    void counts_the_key_set_fetches_and_answers_503_while_unavailable() throws Exception {
        get(issuer.jwksUrl());
        issuer.jwksAvailable(false);
        assertThat(get(issuer.jwksUrl()).statusCode()).isEqualTo(503);
        issuer.jwksAvailable(true);
        assertThat(get(issuer.jwksUrl()).statusCode()).isEqualTo(200);

        assertThat(issuer.jwksFetches()).isEqualTo(3);
    }

    @Test
    void signs_rs256_and_es256_tokens_with_the_claims_given() throws Exception {
        Instant expires = Instant.ofEpochSecond(Instant.now().plusSeconds(90).getEpochSecond());
        SignedJWT rsa = SignedJWT.parse(issuer.token().subject("alice").name("Alice").rooms(List.of("lobby"))
                .claim("scope", "chat").expiresAt(expires).sign());
        SignedJWT ec = SignedJWT.parse(issuer.token().signedWith(Key.EC).sign());
        JWKSet keys = keySet();

        assertThat(rsa.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(rsa.verify(new RSASSAVerifier(keys.getKeyByKeyId(issuer.keyId(Key.RSA)).toRSAKey()))).isTrue();
        assertThat(rsa.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(rsa.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer().toString());
        assertThat(rsa.getJWTClaimsSet().getAudience()).containsExactly("wschat");
        assertThat(rsa.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Alice");
        assertThat(rsa.getJWTClaimsSet().getStringListClaim("rooms")).containsExactly("lobby");
        assertThat(rsa.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(expires);
        assertThat(ec.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ec.verify(new ECDSAVerifier(keys.getKeyByKeyId(issuer.keyId(Key.EC)).toECKey()))).isTrue();
        assertThat(ec.getJWTClaimsSet().getSubject()).isEqualTo(LoopbackIssuer.DEFAULT_SUBJECT);
        assertThat(ec.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(4)), Instant.now().plus(Duration.ofMinutes(5)));
    }

    @Test
    void makes_the_attacks() throws Exception {
        JWKSet keys = keySet();
        SignedJWT unknown = SignedJWT.parse(issuer.token().signedWith(Key.UNKNOWN_RSA).sign());
        SignedJWT tampered = SignedJWT.parse(issuer.tampered());
        SignedJWT confused = SignedJWT.parse(issuer.hs256WithPublicKeyAsSecret());

        assertThat(JWTParser.parse(issuer.unsigned())).isInstanceOf(PlainJWT.class);
        assertThat(keys.getKeyByKeyId(unknown.getHeader().getKeyID())).isNull();
        assertThat(tampered.getJWTClaimsSet().getSubject()).isEqualTo("admin");
        assertThat(tampered.verify(new RSASSAVerifier(keys.getKeyByKeyId(issuer.keyId(Key.RSA)).toRSAKey()))).isFalse();
        assertThat(confused.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(confused.getHeader().getKeyID()).isEqualTo(issuer.keyId(Key.RSA));
    }

    @Test
    void the_token_endpoint_hands_out_a_12_h_rs256_token_for_a_user() throws Exception {
        HttpResponse<String> response = get(URI.create(issuer.tokenEndpoint() + "?user=alice&name=Alice%20A&rooms=lobby,private-*"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        SignedJWT token = SignedJWT.parse(response.body());
        assertThat(token.verify(new RSASSAVerifier(keySet().getKeyByKeyId(issuer.keyId(Key.RSA)).toRSAKey()))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(token.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Alice A");
        assertThat(token.getJWTClaimsSet().getStringListClaim("rooms")).containsExactly("lobby", "private-*");
        assertThat(token.getJWTClaimsSet().getExpirationTime().toInstant())
                .isAfter(Instant.now().plus(Duration.ofHours(11)));
        assertThat(token.getJWTClaimsSet().getClaim("scope")).as("no scope unless asked").isNull();
    }

    @Test
    void the_token_endpoint_puts_the_scope_asked_for_in_the_token() throws Exception {
        HttpResponse<String> response = get(URI.create(issuer.tokenEndpoint() + "?user=backend&scope=wschat:server%20other"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(response.body()).getJWTClaimsSet().getStringClaim("scope")).isEqualTo("wschat:server other");
    }

    @Test
    void the_token_endpoint_answers_400_with_one_line_for_bad_input() throws Exception {
        for (String query : List.of("", "?name=Alice", "?user=%20", "?user=a&rooms=bad%20room", "?user=a&name=" + "n".repeat(129),
                "?user=a&scope=", "?user=a&scope=a%20%20b", "?user=a&scope=%22quoted%22", "?user=a&scope=" + "s".repeat(257))) {
            HttpResponse<String> response = get(URI.create(issuer.tokenEndpoint() + query));

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).doesNotContain("\n").isNotBlank();
        }
    }

    @Test
    void the_token_endpoint_answers_any_origin_with_cors_and_the_key_set_does_not() throws Exception {
        HttpRequest fromThePage = HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint() + "?user=alice"))
                .header("Origin", "http://127.0.0.1:8082").GET().build();
        HttpResponse<String> token = http.send(fromThePage, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = get(URI.create(issuer.tokenEndpoint() + "?name=nobody"));
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(issuer.tokenEndpoint())
                .header("Origin", "http://127.0.0.1:8082").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("a refusal the page can read").hasValue("*");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");
        assertThat(get(issuer.jwksUrl()).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void without_the_token_endpoint_there_is_none() throws Exception {
        try (LoopbackIssuer plain = LoopbackIssuer.start()) {
            assertThat(get(URI.create(plain.issuer() + LoopbackIssuer.TOKEN_PATH + "?user=a")).statusCode()).isEqualTo(404);
            assertThatThrownBy(plain::tokenEndpoint).isInstanceOf(IllegalStateException.class);
        }
        assertThat(http.send(HttpRequest.newBuilder(issuer.jwksUrl()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void the_builder_takes_an_audience_and_a_port() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (LoopbackIssuer custom = LoopbackIssuer.builder().audience("my-app").port(port).start()) {
            assertThat(custom.issuer()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            assertThat(SignedJWT.parse(custom.token().sign()).getJWTClaimsSet().getAudience()).containsExactly("my-app");
        }
    }
}
