package io.github.wschat.testkit.sam;

import io.github.wschat.testkit.sam.SamWebSocketApi.Authorizer;
import io.github.wschat.testkit.sam.SamWebSocketApi.RouteHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Parameters, conditions and the {@code $connect} authorizer, on test templates shaped like the example's. */
class SamWebSocketApiConditionsTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/sam/authorizer-template.yaml");
    private static final Map<String, String> AUTH_ON = Map.of("AuthIssuer", "https://issuer.example");

    private static final Authorizer CONNECT_AUTHORIZER = new Authorizer("ConnectAuthorizer", "AuthorizerFunction",
            "example.AuthorizerHandler", List.of("route.request.querystring.token"));

    @Test
    void given_the_parameter_that_turns_auth_on_then_connect_has_the_authorizer_and_its_handler_class() throws Exception {
        SamWebSocketApi api = SamWebSocketApi.read(TEMPLATE, AUTH_ON);

        assertThat(route(api, "$connect")).isEqualTo(
                new RouteHandler("$connect", "example.ConnectHandler", false, Optional.of(CONNECT_AUTHORIZER)));
        assertThat(route(api, "$connect").authorizer()).get().satisfies(authorizer -> {
            assertThat(authorizer.name()).isEqualTo("ConnectAuthorizer");
            assertThat(authorizer.handlerClass()).isEqualTo("example.AuthorizerHandler");
            assertThat(authorizer.identitySources()).containsExactly("route.request.querystring.token");
        });
    }

    @Test
    void given_the_defaults_then_auth_is_off_and_no_route_has_an_authorizer() throws Exception {
        SamWebSocketApi api = SamWebSocketApi.read(TEMPLATE);

        assertThat(api).isEqualTo(SamWebSocketApi.read(TEMPLATE, Map.of()))
                .isEqualTo(SamTemplate.read(TEMPLATE).webSocketApi());
        assertThat(api.routes()).containsExactly(
                new RouteHandler("$connect", "example.ConnectHandler", false),
                new RouteHandler("$default", "example.DefaultHandler", false));
        assertThat(api.routes()).allSatisfy(route -> assertThat(route.authorizer()).isEmpty());
    }

    @Test
    void given_auth_on_then_a_route_without_authorization_keeps_none() throws Exception {
        SamWebSocketApi api = SamWebSocketApi.read(TEMPLATE, AUTH_ON);

        assertThat(route(api, "$default").authorizer()).isEmpty();
    }

    @Test
    void given_conditions_combined_with_and_or_and_condition_then_resources_exist_as_they_say() throws Exception {
        assertThat(routeKeys(SamWebSocketApi.read(TEMPLATE))).containsExactly("$connect", "$default");
        assertThat(routeKeys(SamWebSocketApi.read(TEMPLATE, AUTH_ON))).containsExactly("$connect", "$default", "either");
        assertThat(routeKeys(SamWebSocketApi.read(TEMPLATE, Map.of("Flavour", "spicy"))))
                .containsExactly("$connect", "$default", "either");
        assertThat(routeKeys(SamWebSocketApi.read(TEMPLATE, Map.of("Flavour", "spicy", "AuthIssuer", "x"))))
                .containsExactly("$connect", "$default", "spicy", "either");
    }

    @Test
    void given_fn_if_with_no_value_in_a_property_then_the_property_is_there_or_absent() throws Exception {
        assertThat(route(SamWebSocketApi.read(TEMPLATE, Map.of("Flavour", "spicy")), "either").twoWay()).isTrue();
        assertThat(route(SamWebSocketApi.read(TEMPLATE, AUTH_ON), "either").twoWay()).isFalse();
    }

    @Test
    void given_a_stage_parameter_override_then_the_stage_is_its_value() throws Exception {
        assertThat(SamWebSocketApi.read(TEMPLATE).stage()).isEqualTo("production");
        assertThat(SamWebSocketApi.read(TEMPLATE, Map.of("StageName", "dev")).stage()).isEqualTo("dev");
    }

    @Test
    void given_an_authorizer_whose_function_is_not_in_the_template_then_reading_fails_naming_both(@TempDir Path dir) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SamWebSocketApi.read(variant(dir, """
                          AuthorizerFunction:
                            Type: AWS::Serverless::Function
                            Condition: AuthOn
                            Properties:
                              Handler: example.AuthorizerHandler::handleRequest
                        """, ""), AUTH_ON))
                .withMessageContaining("authorizer ConnectAuthorizer")
                .withMessageContaining("AuthorizerFunctionAliaslive")
                .withMessageContaining("neither a function nor the alias of one");
    }

    @Test
    void given_an_authorizer_whose_function_is_not_created_then_reading_fails_naming_the_condition(@TempDir Path dir) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SamWebSocketApi.read(variant(dir, """
                          AuthorizerFunction:
                            Type: AWS::Serverless::Function
                            Condition: AuthOn
                        """, """
                          AuthorizerFunction:
                            Type: AWS::Serverless::Function
                            Condition: Spicy
                        """), AUTH_ON))
                .withMessageContaining("authorizer ConnectAuthorizer")
                .withMessageContaining("AuthorizerFunction")
                .withMessageContaining("Condition is false");
    }

    @Test
    void given_an_intrinsic_the_reader_does_not_evaluate_in_a_condition_then_reading_fails_naming_it(@TempDir Path dir) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SamWebSocketApi.read(variant(dir,
                        "Fn::Equals: [Ref: Flavour, spicy]", "Fn::Equals: [Ref: Flavour, {\"Fn::Sub\": \"spicy\"}]")))
                .withMessageContaining("condition Spicy")
                .withMessageContaining("Fn::Sub");
    }

    @Test
    void given_a_parameter_the_template_does_not_declare_then_reading_fails_naming_it() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SamWebSocketApi.read(TEMPLATE, Map.of("AuthIsuer", "typo")))
                .withMessageContaining("parameter AuthIsuer is not declared");
    }

    @Test
    void given_condition_expressions_then_they_evaluate_as_cloudformation_does() throws Exception {
        SamTemplate template = SamTemplate.read(TEMPLATE);
        SamConditions off = new SamConditions(template, Map.of());
        SamConditions on = new SamConditions(template, AUTH_ON);

        assertThat(off.isTrue("AuthOn")).isFalse();
        assertThat(on.isTrue("AuthOn")).isTrue();
        assertThat(on.isTrue("AuthAndSpicy")).isFalse();
        assertThat(on.isTrue("AuthOrSpicy")).isTrue();
        assertThat(on.isCreated("ConnectAuthorizer")).isTrue();
        assertThat(off.isCreated("ConnectAuthorizer")).isFalse();
        assertThat(off.isCreated("NoSuchResource")).isFalse();
        assertThat(on.resolve(Map.of("Fn::If", List.of("AuthOn", "yes", "no")))).isEqualTo("yes");
        assertThat(off.resolve(Map.of("Fn::If", List.of("AuthOn", "yes", Map.of("Ref", "AWS::NoValue"))))).isNull();
        assertThat(off.resolve(List.of("a", Map.of("Fn::If", List.of("AuthOn", "b", Map.of("Ref", "AWS::NoValue"))))))
                .isEqualTo(List.of("a"));
        assertThatIllegalArgumentException().isThrownBy(() -> on.isTrue("NoSuchCondition"))
                .withMessageContaining("no condition NoSuchCondition");
    }

    private static RouteHandler route(SamWebSocketApi api, String routeKey) {
        return api.routes().stream().filter(route -> route.routeKey().equals(routeKey)).findFirst().orElseThrow();
    }

    private static List<String> routeKeys(SamWebSocketApi api) {
        return api.routes().stream().map(RouteHandler::routeKey).toList();
    }

    /** The test template with {@code part} (which must be in it) replaced by {@code replacement}, in {@code dir}. */
    private static Path variant(Path dir, String part, String replacement) throws IOException {
        String template = Files.readString(TEMPLATE);
        assertThat(template).contains(part);
        return Files.writeString(dir.resolve("variant.yaml"), template.replace(part, replacement));
    }
}
