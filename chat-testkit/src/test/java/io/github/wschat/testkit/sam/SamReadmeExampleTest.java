package io.github.wschat.testkit.sam;

import io.github.wschat.testkit.KitReadme;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's snippet on parameters and authorizers compiles, runs, and is the same text as in the README. */
class SamReadmeExampleTest {

    @Test
    void the_readme_snippet_runs() throws Exception {
        Path template = Path.of("src/test/resources/sam/authorizer-template.yaml");
        String issuer = "https://issuer.example";
        List<String> authorizerClasses = new ArrayList<>();
        // tag::readme[]
        SamWebSocketApi api = SamWebSocketApi.read(template, Map.of("AuthIssuer", issuer));
        for (SamWebSocketApi.RouteHandler route : api.routes()) {
            if (route.authorizer().isPresent()) {
                SamWebSocketApi.Authorizer authorizer = route.authorizer().get();
                authorizerClasses.add(authorizer.handlerClass());                // AuthorizerFunction's Handler class
                assertThat(authorizer.identitySources()).containsExactly("route.request.querystring.token");
            }
        }
        // end::readme[]
        assertThat(authorizerClasses).containsExactly("example.AuthorizerHandler");
    }

    @Test
    void the_readme_shows_exactly_this_snippet() throws Exception {
        assertThat(KitReadme.text()).contains(
                KitReadme.snippet("src/test/java/io/github/wschat/testkit/sam/SamReadmeExampleTest.java"));
    }
}
