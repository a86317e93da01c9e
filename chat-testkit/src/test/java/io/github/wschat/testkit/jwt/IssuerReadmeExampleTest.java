package io.github.wschat.testkit.jwt;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's issuer snippet compiles, runs, and is the same text as in the README. */
class IssuerReadmeExampleTest {

    @Test
    void the_readme_snippet_runs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // tag::readme[]
        try (LoopbackIssuer issuer = LoopbackIssuer.builder().tokenEndpoint(true).start()) {
            String token = issuer.token()                            // RS256, iss = issuer(), aud "wschat", 5 min
                    .subject("alice").name("Alice").rooms(List.of("private-team-*"))
                    .sign();
            String forged = issuer.token().signedWith(LoopbackIssuer.Key.UNKNOWN_RSA).sign(); // kid not in the set
            String none = issuer.unsigned();                         // alg: none; also hs256WithPublicKeyAsSecret(), tampered()

            // an authorizer is configured with issuer().toString() and audience(); it finds jwksUrl() below the issuer
            assertThat(issuer.jwksUrl().toString()).isEqualTo(issuer.issuer() + "/.well-known/jwks.json");
            HttpResponse<String> dev = http.send(HttpRequest.newBuilder(
                    URI.create(issuer.tokenEndpoint() + "?user=bob&name=Bob&rooms=lobby")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dev.statusCode()).isEqualTo(200);             // the body is a 12 h token for bob

            issuer.jwksAvailable(false);                             // the key set answers 503 from now on
            assertThat(issuer.jwksFetches()).isZero();               // GETs of the key set so far
            assertThat(List.of(token, forged, none)).doesNotHaveDuplicates();
        }
        // end::readme[]
    }

    @Test
    void the_readme_shows_exactly_this_snippet() throws IOException {
        List<String> source = Files.readAllLines(Path.of(
                "src/test/java/io/github/wschat/testkit/jwt/IssuerReadmeExampleTest.java"), StandardCharsets.UTF_8);
        String snippet = source.subList(source.indexOf("        // tag::readme[]") + 1,
                        source.indexOf("        // end::readme[]")).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(snippet);
    }
}
