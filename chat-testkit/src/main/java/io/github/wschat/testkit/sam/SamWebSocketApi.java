package io.github.wschat.testkit.sam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.github.wschat.testkit.sam.SamTemplate.map;

/**
 * What a SAM template says of its WebSocket API: the route selection expression, the stage, and for each
 * route the handler class of the function its integration invokes, found the way CloudFormation resolves
 * it (route → {@code Target} → integration → {@code IntegrationUri} → function or its alias →
 * {@code Handler}).
 *
 * <pre>{@code
 * SamWebSocketApi api = SamWebSocketApi.read(Path.of("template.yaml"));
 * for (SamWebSocketApi.RouteHandler route : api.routes()) {
 *     Class<?> handler = Class.forName(route.handlerClass());
 * }
 * }</pre>
 *
 * @param routeSelectionExpression the API's, {@code $request.body.action} if it sets none
 * @param stage                    the literal stage name, or the default of the parameter it refers to
 * @param routes                   in template order
 */
public record SamWebSocketApi(String routeSelectionExpression, String stage, List<RouteHandler> routes) {

    private static final String DEFAULT_ROUTE_SELECTION_EXPRESSION = "$request.body.action";
    private static final String ALIAS_SUFFIX = "Alias";

    /**
     * One route and the handler class the template gives it.
     *
     * @param routeKey     {@code $connect}, {@code sendmessage}, …
     * @param handlerClass the class of {@code Handler: class::method}
     * @param twoWay       whether the route has a route response ({@code RouteResponseSelectionExpression})
     */
    public record RouteHandler(String routeKey, String handlerClass, boolean twoWay) {

        public RouteHandler {
            Objects.requireNonNull(routeKey, "routeKey");
            Objects.requireNonNull(handlerClass, "handlerClass");
        }
    }

    public SamWebSocketApi {
        Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression");
        Objects.requireNonNull(stage, "stage");
        routes = List.copyOf(routes);
    }

    /** Reads {@code template} and resolves its WebSocket API. */
    public static SamWebSocketApi read(Path template) throws IOException {
        return SamTemplate.read(template).webSocketApi();
    }

    /**
     * Resolves the WebSocket API of {@code template}.
     *
     * @throws IllegalArgumentException if the template has not exactly one API and one stage, or a route
     *                                  does not resolve to a function with a {@code Handler}
     */
    static SamWebSocketApi of(SamTemplate template) {
        String api = onlyResourceOfType(template, "AWS::ApiGatewayV2::Api");
        Object expression = template.properties(api).get("RouteSelectionExpression");
        List<RouteHandler> routes = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::ApiGatewayV2::Route")) {
            Map<String, Object> route = template.properties(id);
            String integration = first(route.get("Target"), "route " + id + " has no integration Target");
            String function = functionOf(template, first(template.properties(integration).get("IntegrationUri"),
                    "integration " + integration + " invokes no function"));
            if (!(template.properties(function).get("Handler") instanceof String handler)) {
                throw new IllegalArgumentException("function " + function + " has no Handler");
            }
            int method = handler.indexOf("::");
            routes.add(new RouteHandler(String.valueOf(route.get("RouteKey")),
                    method < 0 ? handler : handler.substring(0, method),
                    route.containsKey("RouteResponseSelectionExpression")));
        }
        return new SamWebSocketApi(expression instanceof String literal ? literal : DEFAULT_ROUTE_SELECTION_EXPRESSION,
                stageOf(template), routes);
    }

    /** The function a reference names: itself, or the function of a SAM alias ({@code <Function>Alias<name>}). */
    private static String functionOf(SamTemplate template, String name) {
        Map<String, Object> resources = template.resources();
        if ("AWS::Serverless::Function".equals(map(resources.get(name)).get("Type"))) {
            return name;
        }
        int alias = name.lastIndexOf(ALIAS_SUFFIX);
        if (alias > 0 && resources.get(name.substring(0, alias)) instanceof Map<?, ?>) {
            return name.substring(0, alias);
        }
        throw new IllegalArgumentException(name + " is neither a function nor the alias of one");
    }

    private static String stageOf(SamTemplate template) {
        Object name = template.properties(onlyResourceOfType(template, "AWS::ApiGatewayV2::Stage")).get("StageName");
        if (name instanceof String literal) {
            return literal;
        }
        String parameter = first(name, "the stage has no StageName");
        return String.valueOf(map(map(template.root().get("Parameters")).get(parameter)).get("Default"));
    }

    private static String onlyResourceOfType(SamTemplate template, String type) {
        List<String> ids = template.resourcesOfType(type);
        if (ids.size() != 1) {
            throw new IllegalArgumentException("expected one " + type + " in " + template.path() + ", found " + ids.size());
        }
        return ids.get(0);
    }

    private static String first(Object intrinsic, String otherwise) {
        return SamTemplate.references(intrinsic).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException(otherwise));
    }
}
