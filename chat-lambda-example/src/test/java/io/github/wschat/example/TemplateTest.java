package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import io.github.wschat.aws.auth.AuthSettings;
import io.github.wschat.aws.dynamodb.DynamoDbConnectionStore;
import io.github.wschat.testkit.sam.SamTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.wschat.testkit.sam.SamTemplate.list;
import static io.github.wschat.testkit.sam.SamTemplate.map;
import static io.github.wschat.testkit.sam.SamTemplate.references;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code template.yaml} deploys what the code expects, and no more privilege than it uses. */
class TemplateTest {

    private static final Map<String, Class<?>> HANDLERS_BY_ROUTE = Map.of(
            "$connect", ConnectHandler.class,
            "$disconnect", DisconnectHandler.class,
            "$default", DefaultHandler.class,
            "sendmessage", SendMessageHandler.class);

    /** SAM's logical id suffix of a function's {@code AutoPublishAlias: live}. */
    private static final String LIVE_ALIAS = "Aliaslive";
    /** The source of a route's invocations: this API, any stage; the route key follows. */
    private static final String ANY_STAGE_OF_THE_API =
            "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi}/*/";

    /** The resources of the tutorial's API, deployed whatever the parameters: with AuthIssuer empty, nothing else. */
    private static final Set<String> TUTORIAL_RESOURCES = Set.of("ChatApi", "ConnectionsTable",
            "ConnectFunction", "ConnectIntegration", "ConnectRoute", "ConnectPermission",
            "DisconnectFunction", "DisconnectIntegration", "DisconnectRoute", "DisconnectPermission",
            "DefaultFunction", "DefaultIntegration", "DefaultRoute", "DefaultPermission",
            "SendMessageFunction", "SendMessageIntegration", "SendMessageRoute", "SendMessagePermission",
            "Deployment", "Stage");
    private static final String AUTHORIZER_FUNCTION = "AuthorizerFunction";
    private static final String AUTH_ON = "AuthOn";
    private static final String AUTH_OFF = "AuthOff";

    private static SamTemplate template;

    @BeforeAll
    static void readTemplate() throws Exception {
        template = SamTemplate.read(Path.of("template.yaml"));
    }

    @Test
    void the_api_is_a_websocket_api_routing_on_the_body_action() {
        Map<String, Object> api = template.properties("ChatApi");

        assertThat(api).containsEntry("ProtocolType", "WEBSOCKET")
                .containsEntry("RouteSelectionExpression", "$request.body.action");
    }

    @Test
    void the_routes_are_exactly_the_tutorials_four() {
        Set<Object> routeKeys = template.resourcesOfType("AWS::ApiGatewayV2::Route").stream()
                .map(id -> template.properties(id).get("RouteKey")).collect(Collectors.toSet());

        assertThat(routeKeys).isEqualTo(HANDLERS_BY_ROUTE.keySet());
    }

    @Test
    void every_route_reaches_the_handler_class_named_after_it_through_a_proxy_integration() {
        Map<String, String> handlerByRoute = new TreeMap<>();
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            String alias = invokedAlias(route);
            String function = alias.substring(0, alias.length() - LIVE_ALIAS.length());
            assertThat(template.resource(function)).containsEntry("Type", "AWS::Serverless::Function");
            handlerByRoute.put(routeKey(route), (String) template.properties(function).get("Handler"));
        }

        assertThat(handlerByRoute).hasSize(4);
        handlerByRoute.forEach((route, handler) ->
                assertThat(handler).isEqualTo(HANDLERS_BY_ROUTE.get(route).getName() + "::handleRequest"));
    }

    @Test
    void every_handler_class_exists_and_is_a_websocket_request_handler() throws Exception {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            if (function.equals(AUTHORIZER_FUNCTION)) {
                continue;
            }
            String handler = (String) template.properties(function).get("Handler");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));

            assertThat(RequestHandler.class).isAssignableFrom(type);
            ParameterizedType requestHandler = (ParameterizedType) Arrays.stream(type.getGenericInterfaces())
                    .filter(t -> t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class)
                    .findFirst().orElseThrow();
            assertThat(requestHandler.getActualTypeArguments())
                    .containsExactly((Type) APIGatewayV2WebSocketEvent.class, APIGatewayV2WebSocketResponse.class);
            assertThat(type.getConstructor()).as("Lambda needs a public no-argument constructor").isNotNull();
        }
    }

    @Test
    void every_route_may_invoke_its_function_alias_and_only_from_this_api() {
        Map<String, String> invokedAliasByRoute = new TreeMap<>();
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            invokedAliasByRoute.put(routeKey(route), invokedAlias(route));
        }
        Map<String, String> permittedAliasByRoute = new TreeMap<>();
        for (String permission : template.resourcesOfType("AWS::Lambda::Permission")) {
            if (permission.equals("AuthorizerPermission")) {
                continue;
            }
            Map<String, Object> properties = template.properties(permission);
            assertThat(properties).containsEntry("Action", "lambda:InvokeFunction")
                    .containsEntry("Principal", "apigateway.amazonaws.com");
            assertThat(map(properties.get("FunctionName"))).as("FunctionName of %s", permission).containsOnlyKeys("Ref");
            String sourceArn = (String) map(properties.get("SourceArn")).get("Fn::Sub");
            assertThat(sourceArn).as("SourceArn of %s", permission).startsWith(ANY_STAGE_OF_THE_API);
            String routeKey = sourceArn.substring(ANY_STAGE_OF_THE_API.length());
            String alias = single(references(properties.get("FunctionName")));
            assertThat(permittedAliasByRoute.put(routeKey, alias)).as("a second permission for %s", routeKey).isNull();
        }

        assertThat(invokedAliasByRoute).containsOnlyKeys(HANDLERS_BY_ROUTE.keySet());
        assertThat(permittedAliasByRoute).as("the alias each route may invoke").isEqualTo(invokedAliasByRoute);
    }

    @Test
    void the_stage_is_a_parameter_defaulting_to_production_and_serves_the_deployment_made_after_every_route() {
        assertThat(map(map(template.root().get("Parameters")).get("StageName"))).containsEntry("Default", "production");
        assertThat(template.properties("Stage")).containsEntry("StageName", Map.of("Ref", "StageName"))
                .containsEntry("ApiId", Map.of("Ref", "ChatApi"));
        assertThat(resolved(template.properties("Stage"), false)).containsEntry("DeploymentId", Map.of("Ref", "Deployment"));
        assertThat(resolved(template.properties("Stage"), true)).containsEntry("DeploymentId", Map.of("Ref", "AuthDeployment"));
        assertThat(template.resource("Deployment")).containsEntry("Type", "AWS::ApiGatewayV2::Deployment")
                .containsEntry("Condition", AUTH_OFF);
        assertThat(template.properties("Deployment")).containsEntry("ApiId", Map.of("Ref", "ChatApi"));
        assertThat(list(template.resource("Deployment").get("DependsOn")))
                .containsExactlyInAnyOrderElementsOf(template.resourcesOfType("AWS::ApiGatewayV2::Route"))
                .hasSize(HANDLERS_BY_ROUTE.size());
        assertThat(template.resource("AuthDeployment")).containsEntry("Type", "AWS::ApiGatewayV2::Deployment")
                .containsEntry("Condition", AUTH_ON);
        assertThat(template.properties("AuthDeployment")).isEqualTo(template.properties("Deployment"));
        assertThat(list(template.resource("AuthDeployment").get("DependsOn")))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(template.resourcesOfType("AWS::ApiGatewayV2::Route").stream(),
                        Stream.of("ConnectAuthorizer")).toList());
    }

    @Test
    void the_table_is_the_tutorials_on_demand_encrypted_with_ttl_on_the_stores_attribute() {
        Map<String, Object> table = template.properties("ConnectionsTable");

        assertThat(list(table.get("KeySchema"))).containsExactly(
                Map.of("AttributeName", DynamoDbConnectionStore.CONNECTION_ID, "KeyType", "HASH"));
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("SSESpecification", Map.of("SSEEnabled", true))
                .containsEntry("TimeToLiveSpecification",
                        Map.of("AttributeName", DynamoDbConnectionStore.DEFAULT_TTL_ATTRIBUTE_NAME, "Enabled", true));
    }

    @Test
    void functions_run_java21_with_snapstart_on_published_versions() {
        Map<String, Object> function = map(map(template.root().get("Globals")).get("Function"));

        assertThat(function).containsEntry("Runtime", "java21")
                .containsEntry("AutoPublishAlias", "live")
                .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    void every_environment_variable_the_code_needs_is_set() {
        Map<String, Object> variables = map(map(map(map(template.root().get("Globals")).get("Function"))
                .get("Environment")).get("Variables"));
        Map<String, String> deployed = new HashMap<>();
        variables.forEach((name, value) -> deployed.put(name, value instanceof String text ? text : "resolved-by-cloudformation"));

        ExampleConfiguration configuration = ExampleConfiguration.from(deployed, null);

        assertThat(configuration.tableName()).isEqualTo("resolved-by-cloudformation");
        assertThat(variables.get(ExampleConfiguration.TABLE_NAME)).isEqualTo(Map.of("Ref", "ConnectionsTable"));
    }

    @Test
    void no_statement_has_a_wildcard_action_or_an_unscoped_resource() {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            for (Map<String, Object> statement : statements(function)) {
                assertThat(list(statement.get("Action"))).allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
                for (Object resource : list(statement.get("Resource"))) {
                    assertThat(resource).as("resource of %s", function).isNotEqualTo("*");
                    if (resource instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::Sub") instanceof String arn) {
                        assertThat(arn).startsWith("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi}/${StageName}/")
                                .endsWith("/@connections/*");
                    } else {
                        assertThat(resource).isEqualTo(Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn")));
                    }
                }
            }
        }
    }

    @Test
    void each_function_may_do_exactly_what_its_route_does() {
        assertThat(grants("ConnectFunction")).containsExactly("dynamodb:PutItem on ConnectionsTable");
        assertThat(grants("DisconnectFunction")).containsExactly("dynamodb:DeleteItem on ConnectionsTable");
        assertThat(grants("DefaultFunction")).containsExactlyInAnyOrder(
                "execute-api:ManageConnections on POST/@connections/*",
                "execute-api:ManageConnections on GET/@connections/*");
        assertThat(grants("SendMessageFunction")).containsExactlyInAnyOrder(
                "dynamodb:Scan on ConnectionsTable",
                "dynamodb:DeleteItem on ConnectionsTable",
                "execute-api:ManageConnections on POST/@connections/*");
    }

    @Test
    void authorization_is_on_exactly_when_auth_issuer_is_set_and_its_parameters_default_to_empty() {
        Map<String, Object> parameters = map(template.root().get("Parameters"));

        for (String parameter : List.of("AuthIssuer", "AuthAudience", "AuthJwksUrl")) {
            assertThat(map(parameters.get(parameter))).containsEntry("Type", "String").containsEntry("Default", "");
        }
        assertThat(map(template.root().get("Conditions")).get(AUTH_ON)).isEqualTo(
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AuthIssuer"), "")))));
    }

    @Test
    void with_auth_issuer_empty_the_resources_are_exactly_the_tutorials_and_connect_is_open() {
        assertThat(template.resources().keySet()).allSatisfy(id -> assertThat(template.resource(id).get("Condition"))
                .as("the condition of %s", id).isIn(null, AUTH_ON, AUTH_OFF));
        Set<String> withAuthOff = template.resources().keySet().stream()
                .filter(id -> !AUTH_ON.equals(template.resource(id).get("Condition"))).collect(Collectors.toSet());
        Set<String> onlyWithAuthOn = template.resources().keySet().stream()
                .filter(id -> AUTH_ON.equals(template.resource(id).get("Condition"))).collect(Collectors.toSet());

        assertThat(withAuthOff).isEqualTo(TUTORIAL_RESOURCES);
        assertThat(onlyWithAuthOn).containsExactlyInAnyOrder(
                AUTHORIZER_FUNCTION, "ConnectAuthorizer", "AuthorizerPermission", "AuthDeployment");
        assertThat(map(template.root().get("Conditions")).get(AUTH_OFF))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "AuthIssuer"), "")));
        assertThat(resolved(template.properties("ConnectRoute"), false))
                .containsOnlyKeys("ApiId", "RouteKey", "AuthorizationType", "OperationName", "Target")
                .containsEntry("AuthorizationType", "NONE");
        assertThat(resolved(template.properties("ConnectRoute"), true))
                .containsEntry("AuthorizationType", "CUSTOM").containsEntry("AuthorizerId", Map.of("Ref", "ConnectAuthorizer"));
        for (String route : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            if (!route.equals("ConnectRoute")) {
                assertThat(template.properties(route)).as(route).containsEntry("AuthorizationType", "NONE")
                        .doesNotContainKey("AuthorizerId");
            }
        }
    }

    @Test
    void the_connect_authorizer_is_a_request_authorizer_on_the_token_query_parameter_invoking_the_live_alias() {
        Map<String, Object> authorizer = template.properties("ConnectAuthorizer");

        assertThat(template.resource("ConnectAuthorizer")).containsEntry("Type", "AWS::ApiGatewayV2::Authorizer");
        assertThat(authorizer).containsEntry("ApiId", Map.of("Ref", "ChatApi"))
                .containsEntry("AuthorizerType", "REQUEST")
                .containsEntry("IdentitySource", List.of("route.request.querystring.token"));
        assertThat(map(authorizer.get("AuthorizerUri")).get("Fn::Sub")).isEqualTo(
                "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthorizerFunctionAliaslive}/invocations");
        assertThat(template.properties(AUTHORIZER_FUNCTION))
                .containsEntry("Handler", AuthorizerHandler.class.getName() + "::handleRequest");
    }

    @Test
    void api_gateway_may_invoke_the_authorizer_alias_from_this_apis_authorizer_only() {
        Map<String, Object> permission = template.properties("AuthorizerPermission");

        assertThat(permission).containsEntry("Action", "lambda:InvokeFunction")
                .containsEntry("Principal", "apigateway.amazonaws.com")
                .containsEntry("FunctionName", Map.of("Ref", AUTHORIZER_FUNCTION + LIVE_ALIAS));
        assertThat(map(permission.get("SourceArn")).get("Fn::Sub")).isEqualTo(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatApi}/authorizers/${ConnectAuthorizer}");
    }

    @Test
    void the_authorizer_function_may_do_no_aws_action_and_reads_the_auth_settings() throws Exception {
        Map<String, Object> function = template.properties(AUTHORIZER_FUNCTION);

        assertThat(function).doesNotContainKeys("Policies", "Role");
        assertThat(grants(AUTHORIZER_FUNCTION)).isEmpty();
        assertThat(map(map(function.get("Environment")).get("Variables"))).isEqualTo(Map.of(
                AuthSettings.AUTH_ISSUER, Map.of("Ref", "AuthIssuer"),
                AuthSettings.AUTH_AUDIENCE, Map.of("Ref", "AuthAudience"),
                AuthSettings.AUTH_JWKS_URL, Map.of("Ref", "AuthJwksUrl")));
        Class<?> type = Class.forName(AuthorizerHandler.class.getName());
        ParameterizedType requestHandler = (ParameterizedType) type.getGenericInterfaces()[0];
        assertThat(requestHandler.getActualTypeArguments())
                .containsExactly((Type) APIGatewayCustomAuthorizerEvent.class, IamPolicyResponseV1.class);
        assertThat(type.getConstructor()).isNotNull();
    }

    /** {@code Fn::If} on {@link #AUTH_ON} resolved to one branch, {@code AWS::NoValue} dropping the key. */
    private static Map<String, Object> resolved(Map<String, Object> properties, boolean authOn) {
        Map<String, Object> resolved = new HashMap<>();
        properties.forEach((key, value) -> {
            Object result = value;
            if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Fn::If") instanceof List<?> branches) {
                assertThat(branches.get(0)).isEqualTo(AUTH_ON);
                result = branches.get(authOn ? 1 : 2);
            }
            if (!Map.of("Ref", "AWS::NoValue").equals(result)) {
                resolved.put(key, result);
            }
        });
        return resolved;
    }

    @Test
    void the_outputs_give_the_wss_url_and_the_connections_endpoint() {
        Map<String, Object> outputs = map(template.root().get("Outputs"));

        assertThat(map(map(outputs.get("WebSocketURL")).get("Value")).get("Fn::Sub"))
                .isEqualTo("wss://${ChatApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${StageName}");
        assertThat((String) map(map(outputs.get("ConnectionsEndpoint")).get("Value")).get("Fn::Sub"))
                .startsWith("https://${ChatApi}.execute-api.").endsWith("/${StageName}/@connections");
    }

    private static List<Map<String, Object>> statements(String function) {
        return list(template.properties(function).get("Policies")).stream()
                .flatMap(policy -> list(map(policy).get("Statement")).stream())
                .map(SamTemplate::map)
                .toList();
    }

    /** Each allowed action on each resource, as "action on resource". */
    private static List<String> grants(String function) {
        return statements(function).stream()
                .peek(statement -> assertThat(statement).containsEntry("Effect", "Allow"))
                .flatMap(statement -> list(statement.get("Action")).stream().flatMap(action ->
                        list(statement.get("Resource")).stream().map(resource -> action + " on " + describe(resource))))
                .toList();
    }

    private static String describe(Object resource) {
        Map<String, Object> intrinsic = map(resource);
        if (intrinsic.get("Fn::Sub") instanceof String arn) {
            return arn.substring(arn.indexOf("${StageName}/") + "${StageName}/".length());
        }
        return single(references(resource));
    }

    private static String routeKey(String route) {
        return (String) template.properties(route).get("RouteKey");
    }

    /** The function alias that the route's proxy integration invokes. */
    private static String invokedAlias(String route) {
        String integration = single(references(template.properties(route).get("Target")));
        Map<String, Object> properties = template.properties(integration);
        assertThat(properties).containsEntry("IntegrationType", "AWS_PROXY");
        String alias = single(references(properties.get("IntegrationUri")));
        assertThat(alias).as("what %s invokes", integration).endsWith(LIVE_ALIAS);
        return alias;
    }

    private static String single(List<String> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
