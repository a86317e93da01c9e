package io.github.wschat.testkit.sam;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The reader on the example's own template, the one that deploys. */
class SamTemplateTest {

    private static final Path EXAMPLE = Path.of("../chat-lambda-example/template.yaml");

    private static SamTemplate template;

    @BeforeAll
    static void read() throws Exception {
        template = SamTemplate.read(EXAMPLE);
    }

    @Test
    void the_websocket_api_gives_the_nine_routes_their_handler_classes_the_stage_and_the_expression() throws Exception {
        SamWebSocketApi api = SamWebSocketApi.read(EXAMPLE);

        assertThat(api).isEqualTo(template.webSocketApi());
        assertThat(api.stage()).isEqualTo("production");
        assertThat(api.routeSelectionExpression()).isEqualTo("$request.body.action");
        assertThat(api.routes()).containsExactlyInAnyOrder(
                new SamWebSocketApi.RouteHandler("$connect", "io.github.wschat.example.ConnectHandler", false),
                new SamWebSocketApi.RouteHandler("$disconnect", "io.github.wschat.example.DisconnectHandler", false),
                new SamWebSocketApi.RouteHandler("$default", "io.github.wschat.example.DefaultHandler", false),
                new SamWebSocketApi.RouteHandler("sendmessage", "io.github.wschat.example.SendMessageHandler", false),
                new SamWebSocketApi.RouteHandler("join", "io.github.wschat.example.JoinHandler", false),
                new SamWebSocketApi.RouteHandler("leave", "io.github.wschat.example.LeaveHandler", false),
                new SamWebSocketApi.RouteHandler("members", "io.github.wschat.example.MembersHandler", false),
                new SamWebSocketApi.RouteHandler("publish", "io.github.wschat.example.PublishHandler", false),
                new SamWebSocketApi.RouteHandler("history", "io.github.wschat.example.HistoryHandler", false));
    }

    /**
     * The parameters that turn the authorizer on, where the template has them: read with them, {@code $connect}
     * has an authorizer; today's template, without them, reads as before.
     */
    @Test
    void the_connect_route_has_an_authorizer_exactly_when_the_template_turns_it_on() throws Exception {
        SamWebSocketApi off = SamWebSocketApi.read(EXAMPLE);
        assertThat(off.routes()).allSatisfy(route -> assertThat(route.authorizer()).isEmpty());

        if (SamTemplate.map(template.root().get("Parameters")).containsKey("AuthIssuer")) {
            SamWebSocketApi on = SamWebSocketApi.read(EXAMPLE, Map.of("AuthIssuer", "https://issuer.example"));
            assertThat(on.routes()).filteredOn(route -> route.authorizer().isPresent())
                    .singleElement().satisfies(route -> {
                        assertThat(route.routeKey()).isEqualTo("$connect");
                        assertThat(route.authorizer().orElseThrow().handlerClass())
                                .isEqualTo("io.github.wschat.example.AuthorizerHandler");
                        assertThat(route.authorizer().orElseThrow().identitySources())
                                .containsExactly("route.request.querystring.token");
                    });
        }
    }

    @Test
    void resources_are_found_by_type_and_by_logical_id() {
        assertThat(template.resourcesOfType("AWS::ApiGatewayV2::Route")).hasSize(9);
        assertThat(template.resourcesOfType("AWS::Serverless::Function"))
                .containsExactlyInAnyOrder("ConnectFunction", "DisconnectFunction", "DefaultFunction", "SendMessageFunction",
                        "JoinFunction", "LeaveFunction", "MembersFunction", "PublishFunction", "HistoryFunction",
                        "AuthorizerFunction");
        assertThat(template.resource("ChatApi")).containsEntry("Type", "AWS::ApiGatewayV2::Api");
        assertThat(template.properties("ChatApi")).containsEntry("ProtocolType", "WEBSOCKET");
        assertThat(SamTemplate.map(template.root().get("Parameters"))).containsKey("StageName");
        assertThatIllegalArgumentException().isThrownBy(() -> template.resource("NoSuchThing"))
                .withMessageContaining("NoSuchThing");
    }

    @Test
    void references_are_the_ids_of_ref_getatt_and_every_sub_variable_but_pseudo_parameters() {
        assertThat(SamTemplate.references(Map.of("Ref", "ChatApi"))).containsExactly("ChatApi");
        assertThat(SamTemplate.references(Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn"))))
                .containsExactly("ConnectionsTable");
        assertThat(SamTemplate.references(Map.of("Fn::Sub",
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${ChatApi}/${StageName}/${Fn.Arn}")))
                .containsExactly("ChatApi", "StageName", "Fn");
        assertThat(SamTemplate.references("plain")).isEmpty();
    }

    @Test
    void map_and_list_take_absent_and_single_values() {
        assertThat(SamTemplate.map(null)).isEmpty();
        assertThat(SamTemplate.map("scalar")).isEmpty();
        assertThat(SamTemplate.list(null)).isEmpty();
        assertThat(SamTemplate.list("one")).containsExactly("one");
        assertThat(SamTemplate.list(List.of("a", "b"))).containsExactly("a", "b");
    }
}
