package io.github.wschat.example;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import io.github.wschat.aws.auth.AuthSettings;
import io.github.wschat.aws.auth.JwtAuthorizer;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The authorizer function's object graph, built once per Lambda container: one {@link JwtAuthorizer} (and so one
 * cached key set) from {@link AuthSettings#fromEnvironment()}. The authorizer's container never builds the chat's
 * {@link ChatApplication}: it needs no DynamoDB or API Gateway client.
 *
 * <p>Settings that are missing or malformed are logged at ERROR once, and the container answers Deny to every
 * connection (no exception reaches Lambda, which would fail each handshake with a 500 instead).
 *
 * <p>SnapStart: before the snapshot, {@link Priming} runs the authorizer on tokens it refuses before any key is
 * looked up (none, malformed, {@code alg: none}, HS256): the parsing, policy and logging code is loaded and
 * compiled, and the issuer's key set is <em>not</em> fetched, so no key set, connection or issuer answer is in
 * the snapshot; the first real token after a restore fetches it.
 */
final class AuthorizerApplication {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizerApplication.class);
    /** Kept strongly: CRaC holds registered resources weakly. */
    private static final List<Priming> PRIMING = new ArrayList<>();

    private AuthorizerApplication() {
    }

    /** The container's authorizer, built on first use; empty when its settings are missing or malformed. */
    static Optional<JwtAuthorizer> instance() {
        return Holder.INSTANCE;
    }

    /** An authorizer for the settings, or empty (logged) when they cannot be made. */
    static Optional<JwtAuthorizer> create(Supplier<AuthSettings> settings) {
        try {
            return Optional.of(JwtAuthorizer.create(settings.get()));
        } catch (RuntimeException e) {
            LOG.error("the authorizer is not configured ({}); every connection is denied", e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs the authorizer on the tokens it refuses without a key; returns how many answers were Deny. */
    static int prime(JwtAuthorizer authorizer) {
        int denied = 0;
        for (String token : Priming.TOKENS) {
            APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
            event.setType("REQUEST");
            event.setMethodArn(Priming.METHOD_ARN);
            Map<String, String> query = new HashMap<>();
            query.put(JwtAuthorizer.TOKEN_PARAMETER, token);
            event.setQueryStringParameters(token == null ? null : query);
            if (JwtAuthorizer.ANONYMOUS_PRINCIPAL.equals(authorizer.authorize(event).getPrincipalId())) {
                denied++;
            }
        }
        return denied;
    }

    /** The CRaC hook of the authorizer's container. */
    static final class Priming implements Resource {

        static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:000000000000:snapstart/priming/$connect";
        /** No token; not a JWT; {@code alg: none}; HS256: each refused before the key set is looked at. */
        static final List<String> TOKENS = Arrays.asList(null, "not-a-token",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzbmFwc3RhcnQtcHJpbWluZyJ9.",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzbmFwc3RhcnQtcHJpbWluZyJ9.c25hcHN0YXJ0LXByaW1pbmc");

        private final JwtAuthorizer authorizer;

        Priming(JwtAuthorizer authorizer) {
            this.authorizer = authorizer;
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            try {
                LOG.info("primed the authorizer before the snapshot: {} tokens refused without fetching the key set",
                        prime(authorizer));
            } catch (RuntimeException e) {
                LOG.warn("priming the authorizer failed; the snapshot is taken without it", e);
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // nothing to re-create: no key set was fetched, no connection opened
            LOG.info("authorizer restored from the SnapStart snapshot");
        }
    }

    private static final class Holder {
        static final Optional<JwtAuthorizer> INSTANCE;

        static {
            INSTANCE = create(AuthSettings::fromEnvironment);
            INSTANCE.ifPresent(authorizer -> {
                Priming priming = new Priming(authorizer);
                PRIMING.add(priming);
                Core.getGlobalContext().register(priming);
            });
        }
    }
}
