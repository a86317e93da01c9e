package io.github.wschat.testkit.sam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.github.wschat.testkit.sam.SamTemplate.map;

/**
 * What a SAM template says of its WebSocket API: the route selection expression, the stage, and for each
 * route the handler class of the function its integration invokes, found the way CloudFormation resolves
 * it (route → {@code Target} → integration → {@code IntegrationUri} → function or its alias →
 * {@code Handler}), and the route's Lambda authorizer if it has one (route → {@code AuthorizerId} →
 * authorizer → {@code AuthorizerUri} → function → {@code Handler}).
 *
 * <p>The template is read for one set of parameter values, as a deployment would: the {@code Conditions}
 * are evaluated ({@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, {@code Condition},
 * {@code Ref} to a parameter with its override or {@code Default}), a resource whose {@code Condition} is
 * false does not exist, and the properties read take the branch of each {@code Fn::If}, without what is
 * {@code Ref: AWS::NoValue}.
 *
 * <pre>{@code
 * SamWebSocketApi api = SamWebSocketApi.read(Path.of("template.yaml"), Map.of("AuthIssuer", issuer));
 * for (SamWebSocketApi.RouteHandler route : api.routes()) {
 *     Class<?> handler = Class.forName(route.handlerClass());
 *     route.authorizer().ifPresent(authorizer -> authorizer.identitySources()); // [route.request.querystring.token]
 * }
 * }</pre>
 *
 * @param routeSelectionExpression the API's, {@code $request.body.action} if it sets none
 * @param stage                    the literal stage name, or the value of the parameter it refers to
 * @param routes                   in template order, those whose condition holds
 */
public record SamWebSocketApi(String routeSelectionExpression, String stage, List<RouteHandler> routes) {

    private static final String DEFAULT_ROUTE_SELECTION_EXPRESSION = "$request.body.action";
    private static final String ALIAS_SUFFIX = "Alias";
    private static final String CONNECT = "$connect";

    /**
     * One route and the handler class the template gives it.
     *
     * @param routeKey     {@code $connect}, {@code sendmessage}, …
     * @param handlerClass the class of {@code Handler: class::method}
     * @param twoWay       whether the route has a route response ({@code RouteResponseSelectionExpression})
     * @param authorizer   the route's Lambda authorizer ({@code AuthorizationType: CUSTOM}), empty for none
     */
    public record RouteHandler(String routeKey, String handlerClass, boolean twoWay, Optional<Authorizer> authorizer) {

        public RouteHandler {
            Objects.requireNonNull(routeKey, "routeKey");
            Objects.requireNonNull(handlerClass, "handlerClass");
            Objects.requireNonNull(authorizer, "authorizer");
        }

        /** A route without an authorizer. */
        public RouteHandler(String routeKey, String handlerClass, boolean twoWay) {
            this(routeKey, handlerClass, twoWay, Optional.empty());
        }
    }

    /**
     * A Lambda REQUEST authorizer ({@code AWS::ApiGatewayV2::Authorizer}) and the handler class of the
     * function its {@code AuthorizerUri} invokes.
     *
     * @param name            the authorizer's logical id
     * @param function        the logical id of its function ({@code AuthorizerFunction} for
     *                        {@code ${AuthorizerFunctionAliaslive}})
     * @param handlerClass    the class of the function's {@code Handler: class::method}
     * @param identitySources its {@code IdentitySource}, such as {@code route.request.querystring.token}
     */
    public record Authorizer(String name, String function, String handlerClass, List<String> identitySources) {

        public Authorizer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(handlerClass, "handlerClass");
            identitySources = List.copyOf(identitySources);
        }
    }

    public SamWebSocketApi {
        Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression");
        Objects.requireNonNull(stage, "stage");
        routes = List.copyOf(routes);
    }

    /** Reads {@code template} and resolves its WebSocket API, every parameter at its {@code Default}. */
    public static SamWebSocketApi read(Path template) throws IOException {
        return read(template, Map.of());
    }

    /**
     * Reads {@code template} and resolves its WebSocket API as deployed with the given parameter values
     * (the others at their {@code Default}), as {@code sam deploy --parameter-overrides} would.
     *
     * @throws IllegalArgumentException as {@link SamTemplate#webSocketApi(Map)}
     */
    public static SamWebSocketApi read(Path template, Map<String, String> parameters) throws IOException {
        return SamTemplate.read(template).webSocketApi(parameters);
    }

    /**
     * Resolves the WebSocket API of {@code template} for the given parameter values.
     *
     * @throws IllegalArgumentException if the template has not exactly one API and one stage, a route or
     *                                  an authorizer does not resolve to a function with a {@code Handler},
     *                                  a route other than {@code $connect} has an authorizer, a parameter
     *                                  is unknown or has no value, or a condition uses an intrinsic the
     *                                  reader does not evaluate
     */
    static SamWebSocketApi of(SamTemplate template, Map<String, String> parameters) {
        SamConditions conditions = new SamConditions(template, parameters);
        String api = onlyResourceOfType(template, conditions, "AWS::ApiGatewayV2::Api");
        Object expression = properties(template, conditions, api).get("RouteSelectionExpression");
        List<RouteHandler> routes = new ArrayList<>();
        for (String id : conditions.createdOfType("AWS::ApiGatewayV2::Route")) {
            Map<String, Object> route = properties(template, conditions, id);
            String routeKey = String.valueOf(route.get("RouteKey"));
            String integration = first(route.get("Target"), "route " + id + " has no integration Target");
            String handler = handlerClass(template, conditions, first(
                    properties(template, conditions, integration).get("IntegrationUri"),
                    "integration " + integration + " invokes no function"), "integration " + integration);
            Optional<Authorizer> authorizer = authorizerOf(template, conditions, id, route);
            if (authorizer.isPresent() && !CONNECT.equals(routeKey)) {
                throw new IllegalArgumentException("route " + id + " (" + routeKey
                        + ") has an authorizer: WebSocket APIs authorize $connect only");
            }
            routes.add(new RouteHandler(routeKey, handler, route.containsKey("RouteResponseSelectionExpression"),
                    authorizer));
        }
        return new SamWebSocketApi(expression instanceof String literal ? literal : DEFAULT_ROUTE_SELECTION_EXPRESSION,
                stageOf(template, conditions), routes);
    }

    /** The authorizer of a route whose {@code AuthorizationType} is {@code CUSTOM}. */
    private static Optional<Authorizer> authorizerOf(SamTemplate template, SamConditions conditions, String route,
                                                     Map<String, Object> properties) {
        if (!"CUSTOM".equals(properties.get("AuthorizationType"))) {
            return Optional.empty();
        }
        String id = first(properties.get("AuthorizerId"),
                "route " + route + " is CUSTOM-authorized but names no AuthorizerId");
        if (!conditions.isCreated(id)) {
            throw new IllegalArgumentException("route " + route + " refers to authorizer " + id
                    + ", which the template does not create");
        }
        Map<String, Object> authorizer = properties(template, conditions, id);
        String uri = first(authorizer.get("AuthorizerUri"), "authorizer " + id + " invokes no function");
        String function = functionOf(template, conditions, uri, "authorizer " + id);
        List<String> sources = SamTemplate.list(authorizer.get("IdentitySource")).stream()
                .map(String::valueOf).toList();
        return Optional.of(new Authorizer(id, function, handlerOf(template, conditions, function), sources));
    }

    private static String handlerClass(SamTemplate template, SamConditions conditions, String reference, String user) {
        return handlerOf(template, conditions, functionOf(template, conditions, reference, user));
    }

    /** The class of the function's {@code Handler: class::method}. */
    private static String handlerOf(SamTemplate template, SamConditions conditions, String function) {
        if (!(properties(template, conditions, function).get("Handler") instanceof String handler)) {
            throw new IllegalArgumentException("function " + function + " has no Handler");
        }
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }

    /** The {@code Properties} of a resource, {@code Fn::If} and {@code AWS::NoValue} resolved. */
    private static Map<String, Object> properties(SamTemplate template, SamConditions conditions, String id) {
        return map(conditions.resolve(template.properties(id)));
    }

    /**
     * The function a reference names: itself, or the function of a SAM alias ({@code <Function>Alias<name>});
     * it must be created for these parameters.
     */
    private static String functionOf(SamTemplate template, SamConditions conditions, String name, String user) {
        Map<String, Object> resources = template.resources();
        String function = null;
        if ("AWS::Serverless::Function".equals(map(resources.get(name)).get("Type"))) {
            function = name;
        } else {
            int alias = name.lastIndexOf(ALIAS_SUFFIX);
            if (alias > 0 && resources.get(name.substring(0, alias)) instanceof Map<?, ?>) {
                function = name.substring(0, alias);
            }
        }
        if (function == null) {
            throw new IllegalArgumentException(user + " invokes " + name + ", which is neither a function nor the alias of one");
        }
        if (!conditions.isCreated(function)) {
            throw new IllegalArgumentException(user + " invokes function " + function
                    + ", which the template does not create (its Condition is false)");
        }
        return function;
    }

    private static String stageOf(SamTemplate template, SamConditions conditions) {
        Object name = properties(template, conditions, onlyResourceOfType(template, conditions, "AWS::ApiGatewayV2::Stage"))
                .get("StageName");
        if (name instanceof String literal) {
            return literal;
        }
        return conditions.parameter(first(name, "the stage has no StageName"));
    }

    private static String onlyResourceOfType(SamTemplate template, SamConditions conditions, String type) {
        List<String> ids = conditions.createdOfType(type);
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
