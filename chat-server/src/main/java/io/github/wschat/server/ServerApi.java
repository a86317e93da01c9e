package io.github.wschat.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.wschat.aws.auth.JwtVerifier;
import io.github.wschat.aws.auth.Refusal;
import io.github.wschat.aws.auth.TokenVerification;
import io.github.wschat.core.domain.ChatError;
import io.github.wschat.core.domain.ErrorCode;
import io.github.wschat.core.domain.HistoryPage;
import io.github.wschat.core.domain.PostedMessage;
import io.github.wschat.core.domain.RoomMember;
import io.github.wschat.core.domain.RoomName;
import io.github.wschat.core.domain.RoomRequest;
import io.github.wschat.core.domain.ServerCaller;
import io.github.wschat.core.domain.ServerResult;
import io.github.wschat.core.port.in.ListMembersCommand;
import io.github.wschat.core.port.in.ListMembersUseCase;
import io.github.wschat.core.port.in.PostMessageCommand;
import io.github.wschat.core.port.in.PostMessageUseCase;
import io.github.wschat.core.port.in.ReadHistoryCommand;
import io.github.wschat.core.port.in.ReadHistoryUseCase;
import io.github.wschat.json.JsonRoomEventRenderer;
import io.github.wschat.json.JsonRoomRequestParser;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The server API of PROTOCOL §7, one request in, one {@link HttpAnswer} out, without the HTTP server around it:
 * <ul>
 *   <li>{@code GET /healthz} → 200 {@code {"status":"ok"}}, no token;</li>
 *   <li>{@code POST /rooms/{room}/messages} {@code {"id":…,"text":…}} → 201 {@code {"room":…,"seq":…,"id":…}}, 200
 *       for an id the room has (its first seq);</li>
 *   <li>{@code GET /rooms/{room}/messages?after=N&limit=L} → 200, the WebSocket {@code history} reply's JSON;</li>
 *   <li>{@code GET /rooms/{room}/members} → 200, the {@code members} reply's JSON.</li>
 * </ul>
 * A room call needs {@code Authorization: Bearer <JWT>}, verified by the authorizer's {@link JwtVerifier} (401
 * with {@code WWW-Authenticate: Bearer} without one, or for a refused one); the token's user is the caller, with
 * every room when its {@code scope} holds {@value ServerCaller#SERVER_SCOPE}. Errors are
 * {@code {"code":…,"error":…}}: 400 {@code bad_request} (the WebSocket parser's words), 403 {@code forbidden},
 * 404 {@code not_found}, 405 {@code method_not_allowed}, 413 {@code too_large}, 500 {@code internal}. Never throws;
 * never logs a text or a token.
 */
final class ServerApi {

    static final String HEALTH_PATH = ServerSettings.HEALTH_PATH;
    private static final Logger LOG = LoggerFactory.getLogger(ServerApi.class);
    private static final String BEARER = "bearer ";
    private static final String HISTORY_AFTER_RULE = "an integer of at least 0";
    private static final String HISTORY_LIMIT_RULE = "an integer from 1 to " + RoomRequest.MAX_LIMIT;

    private final JwtVerifier verifier;
    private final PostMessageUseCase post;
    private final ReadHistoryUseCase history;
    private final ListMembersUseCase members;
    private final JsonRoomRequestParser parser = new JsonRoomRequestParser();
    private final JsonRoomEventRenderer renderer = new JsonRoomEventRenderer();

    ServerApi(JwtVerifier verifier, PostMessageUseCase post, ReadHistoryUseCase history, ListMembersUseCase members) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.post = Objects.requireNonNull(post, "post");
        this.history = Objects.requireNonNull(history, "history");
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * @param method        the request's method
     * @param uri           its target, path and query
     * @param authorization its {@code Authorization} header, {@code null} when none
     * @param body          its body, possibly empty
     */
    HttpAnswer handle(String method, String uri, String authorization, byte[] body) {
        QueryStringDecoder target;
        try {
            target = new QueryStringDecoder(uri);
            target.path();
            target.parameters();
        } catch (IllegalArgumentException e) {
            return badRequest("the request target is not a valid URI path and query");
        }
        try {
            return route(method, target, authorization, body);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, pathOf(uri), e);
            return error(500, ChatError.of(ErrorCode.INTERNAL, "the server failed, try again"));
        }
    }

    /** The path of a request target, without its query: what the access log shows. */
    static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private HttpAnswer route(String method, QueryStringDecoder target, String authorization, byte[] body) {
        String path = target.path();
        if (path.equals(HEALTH_PATH)) {
            return method.equals("GET") ? HttpAnswer.of(200, "{\"status\":\"ok\"}") : notAllowed(method, "GET");
        }
        List<String> segments = List.of(path.split("/", -1));
        // "", "rooms", room, "messages" | "members"
        if (segments.size() != 4 || !segments.get(0).isEmpty() || !segments.get(1).equals("rooms")
                || !(segments.get(3).equals("messages") || segments.get(3).equals("members"))) {
            return error(404, "not_found", "no such resource: the server API serves /rooms/{room}/messages, "
                    + "/rooms/{room}/members and /healthz");
        }
        boolean messages = segments.get(3).equals("messages");
        if (!(method.equals("GET") || (messages && method.equals("POST")))) {
            return notAllowed(method, messages ? "GET, POST" : "GET");
        }
        TokenVerification verification = verify(authorization);
        if (!(verification instanceof TokenVerification.Verified verified)) {
            return unauthorized((TokenVerification.Refused) verification);
        }
        ServerCaller caller = new ServerCaller(verified.user(), verified.hasScope(ServerCaller.SERVER_SCOPE));
        String roomName = segments.get(2);
        if (!RoomName.isValid(roomName)) {
            return badRequest("\"room\" must be 1 to " + RoomName.MAX_LENGTH + " characters of A-Z a-z 0-9 _ - . :");
        }
        RoomName room = RoomName.of(roomName);
        if (!messages) {
            return answer(members.list(new ListMembersCommand(caller, room)), 200,
                    list -> renderer.members(room, list, null));
        }
        return method.equals("POST") ? post(caller, room, body) : history(caller, room, target.parameters());
    }

    private HttpAnswer post(ServerCaller caller, RoomName room, byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return badRequest("body is not valid UTF-8");
        }
        RoomRequest request = parser.parsePost(room, text);
        if (request instanceof RoomRequest.Invalid invalid) {
            return error(400, invalid.error());
        }
        RoomRequest.Publish publish = (RoomRequest.Publish) request;
        ServerResult<PostedMessage> result = post.post(new PostMessageCommand(caller, room, publish.id(), publish.text()));
        if (result instanceof ServerResult.Ok<PostedMessage> ok) {
            PostedMessage posted = ok.value();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("room", room.value());
            json.put("seq", posted.message().seq());
            json.put("id", posted.message().id().value());
            return HttpAnswer.of(posted.duplicate() ? 200 : 201, json(json));
        }
        return error(result);
    }

    private HttpAnswer history(ServerCaller caller, RoomName room, Map<String, List<String>> parameters) {
        String problem = parameterProblem(parameters, "after", 0, Long.MAX_VALUE, HISTORY_AFTER_RULE);
        if (problem == null) {
            problem = parameterProblem(parameters, "limit", 1, RoomRequest.MAX_LIMIT, HISTORY_LIMIT_RULE);
        }
        if (problem != null) {
            return badRequest(problem);
        }
        long after = parameters.containsKey("after") ? Long.parseLong(parameters.get("after").get(0)) : RoomRequest.DEFAULT_AFTER;
        int limit = parameters.containsKey("limit") ? Integer.parseInt(parameters.get("limit").get(0)) : RoomRequest.DEFAULT_LIMIT;
        return answer(history.read(new ReadHistoryCommand(caller, room, after, limit)), 200,
                (HistoryPage page) -> renderer.history(room, page, null));
    }

    /** The WebSocket parser's words for {@code after} and {@code limit}, for a query parameter. */
    private static String parameterProblem(Map<String, List<String>> parameters, String name, long min, long max,
                                           String rule) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            return '"' + name + "\" is given more than once";
        }
        String value = values.get(0);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return '"' + name + "\" must be " + rule + ", was " + (value.matches("-?[0-9]+") ? "an integer out of range"
                    : "not an integer");
        }
        if (number < min || number > max) {
            return '"' + name + "\" must be " + rule + ", was " + number;
        }
        return null;
    }

    private TokenVerification verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new TokenVerification.Refused(Refusal.NO_TOKEN, "no Authorization header");
        }
        String header = authorization.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return new TokenVerification.Refused(Refusal.NO_TOKEN, "the Authorization header is not Bearer");
        }
        return verifier.verify(header.substring(BEARER.length()));
    }

    private static HttpAnswer unauthorized(TokenVerification.Refused refused) {
        if (refused.reason() == Refusal.JWKS_UNAVAILABLE || refused.reason() == Refusal.INTERNAL) {
            // the issuer's trouble or ours, not the caller's: a retry may pass
            return error(500, ChatError.of(ErrorCode.INTERNAL, "the token could not be verified now, try again"));
        }
        LOG.debug("token refused: {} ({})", refused.reason().code(), refused.detail());
        boolean none = refused.reason() == Refusal.NO_TOKEN;
        HttpAnswer answer = error(401, "unauthorized", none
                ? "a bearer token is required: Authorization: Bearer <JWT>"
                : "the bearer token was refused: " + refused.reason().code());
        return answer.withHeader("WWW-Authenticate", none ? "Bearer realm=\"wschat\""
                : "Bearer realm=\"wschat\", error=\"invalid_token\"");
    }

    private static HttpAnswer notAllowed(String method, String allowed) {
        return error(405, "method_not_allowed", method + " is not allowed here, only " + allowed)
                .withHeader("Allow", allowed);
    }

    private static <T> HttpAnswer answer(ServerResult<T> result, int status, Function<T, String> render) {
        if (result instanceof ServerResult.Ok<T> ok) {
            return HttpAnswer.of(status, render.apply(ok.value()));
        }
        return error(result);
    }

    private static HttpAnswer error(ServerResult<?> refused) {
        ChatError error = ((ServerResult.Refused<?>) refused).error();
        return error(statusOf(error.code()), error);
    }

    static int statusOf(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> 400;
            case TOO_LARGE -> 413;
            case NOT_MEMBER, FORBIDDEN -> 403;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
        };
    }

    private static HttpAnswer badRequest(String description) {
        return error(400, ChatError.badRequest(description, null));
    }

    static HttpAnswer error(int status, ChatError error) {
        return error(status, error.code().wire(), error.description());
    }

    static HttpAnswer error(int status, String code, String description) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("error", description);
        return HttpAnswer.of(status, json(json));
    }

    private static String json(Map<String, Object> object) {
        try {
            return JSON.std.asString(object);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a JSON object of strings and numbers", e);
        }
    }
}
