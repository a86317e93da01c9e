package io.github.wschat.aws.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import io.github.wschat.core.domain.UserIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URL;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the JWT a client connects with (PROTOCOL §2), with nimbus-jose-jwt's {@link DefaultJWTProcessor}:
 * <ul>
 *   <li>the signature, RS256 or ES256 only, by the key of the issuer's JSON Web Key Set that the token's
 *       {@code kid} names; {@code alg: none}, HMAC (also HS256 "signed" with the issuer's public key) and
 *       every other algorithm are refused before any key is looked up;</li>
 *   <li>{@code iss} exactly the issuer; {@code aud} containing the audience, or Cognito's {@code client_id}
 *       equal to it (Cognito access tokens carry no {@code aud}); {@code exp} required and {@code nbf}
 *       honoured, each with the settings' clock skew (at most 60 s); {@code sub} required, and not starting
 *       with {@code anon:} (the prefix of anonymous users);</li>
 *   <li>the identity: {@code userId} = {@code sub}; {@code name} = {@code name}, else
 *       {@code preferred_username}, else {@code cognito:username}, else {@code sub}; the room grants =
 *       {@code rooms}, a list of strings (absent: none), each a valid grant, or the token is refused; the scopes =
 *       {@code scope}, a space-separated string or a list of strings (the server API's {@code wschat:server}).</li>
 * </ul>
 *
 * <p>The key set is fetched on first use and cached for {@link AuthSettings#jwksCacheTimeToLive()}, across
 * calls: make one verifier per Lambda container. A token whose {@code kid} is not in the cached set makes it
 * fetch the set again at once (the issuer rotated its keys); nimbus's rate limiter allows at most two fetches in
 * any {@link AuthSettings#jwksMinRefreshInterval()}, so a flood of unknown {@code kid}s (or of tokens while the
 * issuer is down) cannot make a fetch per call: past the limit they are refused without one
 * ({@link Refusal#JWKS_REFRESH_LIMITED}). A fetch that fails is not cached: the next call within the limit
 * tries again. Fetches use the JDK's {@code HttpURLConnection} with {@link AuthSettings#jwksTimeout()} for
 * connecting and for reading, and a 50 KB limit on the body.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.create(AuthSettings.fromEnvironment()); // once per container
 * if (verifier.verify(token) instanceof TokenVerification.Verified verified) {
 *     UserIdentity user = verified.user();
 * }
 * }</pre>
 *
 * Thread-safe. {@link #verify} throws nothing: every failure is a {@link TokenVerification.Refused}, and a
 * key set that cannot be fetched is logged at WARN with its URL (never a token).
 */
public final class JwtVerifier {

    /** The algorithms accepted: RSA and elliptic-curve signatures. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    /** Longer tokens are refused unparsed; API Gateway's request line would not carry them anyway. */
    public static final int MAX_TOKEN_CHARS = 16 * 1024;
    /** The largest key set accepted, in bytes. */
    public static final int MAX_JWKS_BYTES = JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT;

    static final String NAME = "name";
    static final String PREFERRED_USERNAME = "preferred_username";
    static final String COGNITO_USERNAME = "cognito:username";
    static final String ROOMS = "rooms";
    static final String CLIENT_ID = "client_id";
    static final String SCOPE = "scope";

    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);
    /** No {@code typ}, {@code JWT}, or RFC 9068's access token types. */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, null, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"));

    private final AuthSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final JWKSetSource<SecurityContext> keySets;

    private JwtVerifier(AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.keySets = keySetSource(settings);
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(TYPES);
        processor.setJWSKeySelector(new KeySelector(new ClockedKeySource(keySets, clock)));
        processor.setJWTClaimsSetVerifier(new ClaimRules(settings, clock));
    }

    /** A verifier for the settings, on the system clock. */
    public static JwtVerifier create(AuthSettings settings) {
        return builder().settings(settings).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public AuthSettings settings() {
        return settings;
    }

    /** Verifies {@code token}; never throws. */
    public TokenVerification verify(String token) {
        if (token == null || token.isBlank()) {
            return refused(Refusal.NO_TOKEN, "no token");
        }
        try {
            return verifyToken(token.strip());
        } catch (RuntimeException e) {
            LOG.error("token verification failed unexpectedly", e);
            return refused(Refusal.INTERNAL, "unexpected " + e.getClass().getSimpleName());
        }
    }

    private TokenVerification verifyToken(String token) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return refused(Refusal.MALFORMED, "longer than " + MAX_TOKEN_CHARS + " characters");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
            jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return refused(Refusal.MALFORMED, "not a JWT: " + e.getMessage());
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return refused(Refusal.ALGORITHM_REFUSED, "not signed: " + jwt.getHeader().getAlgorithm());
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            return refused(Refusal.ALGORITHM_REFUSED, "signed with " + algorithm + ", not RS256 or ES256");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (RefusedClaim e) {
            return refused(e.reason(), e.getMessage());
        } catch (BadJWSException e) {
            return refused(Refusal.BAD_SIGNATURE, "the signature does not verify");
        } catch (NoMatchingKey e) {
            return refused(Refusal.UNKNOWN_KEY, e.getMessage());
        } catch (RateLimitReachedException e) {
            return refused(Refusal.JWKS_REFRESH_LIMITED, "a key set fetch was due but the rate limit holds it back ("
                    + settings.jwksMinRefreshInterval() + ")");
        } catch (KeySourceException e) {
            LOG.warn("could not fetch the key set {}: {}; refusing the token", settings.jwksUrl(), e.getMessage());
            return refused(Refusal.JWKS_UNAVAILABLE, "key set " + settings.jwksUrl() + " unavailable");
        } catch (BadJOSEException e) {
            return refused(Refusal.MALFORMED, e.getMessage());
        } catch (JOSEException e) {
            LOG.error("token verification failed", e);
            return refused(Refusal.INTERNAL, e.getMessage());
        }
        return identity(claims);
    }

    private static TokenVerification identity(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject.startsWith(UserIdentity.ANONYMOUS_PREFIX)) {
            // a verified user must not pass for a connection's anonymous one
            return refused(Refusal.BAD_CLAIM, "a sub starting with " + UserIdentity.ANONYMOUS_PREFIX);
        }
        try {
            String name = firstString(claims, NAME, PREFERRED_USERNAME, COGNITO_USERNAME);
            return new TokenVerification.Verified(UserIdentity.of(subject, name == null ? subject : name, grants(claims)),
                    scopes(claims));
        } catch (ParseException | IllegalArgumentException e) {
            return refused(Refusal.BAD_CLAIM, e.getMessage());
        }
    }

    private static String firstString(JWTClaimsSet claims, String... names) throws ParseException {
        for (String name : names) {
            String value = claims.getStringClaim(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> grants(JWTClaimsSet claims) throws ParseException {
        Object rooms = claims.getClaim(ROOMS);
        if (rooms == null) {
            return List.of();
        }
        if (!(rooms instanceof List<?> list)) {
            throw new ParseException("the rooms claim must be a list of room grants", 0);
        }
        List<String> grants = new ArrayList<>(list.size());
        for (Object grant : list) {
            if (!(grant instanceof String text)) {
                throw new ParseException("the rooms claim must hold strings only", 0);
            }
            grants.add(text);
        }
        return grants;
    }

    /** {@code scope} as a space-separated string or a list of strings; anything else grants no scope. */
    private static Set<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim(SCOPE);
        Set<String> scopes = new HashSet<>();
        if (scope instanceof String text) {
            for (String one : text.strip().split("\\s+")) {
                if (!one.isEmpty()) {
                    scopes.add(one);
                }
            }
        } else if (scope instanceof List<?> list) {
            for (Object one : list) {
                if (one instanceof String text && !text.isBlank()) {
                    scopes.add(text.strip());
                }
            }
        }
        return scopes;
    }

    private static TokenVerification.Refused refused(Refusal reason, String detail) {
        return new TokenVerification.Refused(reason, detail == null ? reason.code() : detail);
    }

    /** The cached, rate-limited key set of the settings' URL, as nimbus's {@link JWKSourceBuilder} wraps it. */
    private static JWKSetSource<SecurityContext> keySetSource(AuthSettings settings) {
        int timeout = Math.toIntExact(settings.jwksTimeout().toMillis());
        URL url;
        try {
            url = settings.jwksUrl().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the key set URL " + settings.jwksUrl() + " is not a URL", e);
        }
        long rateLimit = settings.jwksMinRefreshInterval().toMillis();
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(
                        url, new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES))
                // a refresh wait longer than one fetch; no refresh ahead: it would need a thread of its own,
                // which a Lambda container freezes between invocations
                .cache(settings.jwksCacheTimeToLive().toMillis(), 2L * timeout + 1000L)
                .refreshAheadCache(false);
        builder = rateLimit == 0 ? builder.rateLimited(false) : builder.rateLimited(rateLimit);
        JWKSource<SecurityContext> built = builder.build();
        if (!(built instanceof JWKSetBasedJWKSource<SecurityContext> basedOnSet)) {
            throw new IllegalStateException("nimbus built a " + built.getClass().getName() + ", not a key set source");
        }
        return basedOnSet.getJWKSetSource();
    }

    /**
     * Nimbus's {@link JWKSetBasedJWKSource}, on a {@link Clock}: the cache's time to live and the rate limit
     * count on the verifier's clock, so that tests can move time on instead of waiting. Looks the key up in the
     * cached set, and once more in a newly fetched one when it is not there.
     */
    private record ClockedKeySource(JWKSetSource<SecurityContext> source, Clock clock) implements JWKSource<SecurityContext> {
        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            long now = clock.millis();
            JWKSet cached = source.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
            List<JWK> keys = selector.select(cached);
            if (!keys.isEmpty()) {
                return keys;
            }
            return selector.select(source.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now, context));
        }
    }

    /** RS256 and ES256 keys of the key set; a token no key matches is refused as {@link NoMatchingKey}. */
    private static final class KeySelector extends JWSVerificationKeySelector<SecurityContext> {
        KeySelector(JWKSource<SecurityContext> keys) {
            super(ALGORITHMS, keys);
        }

        @Override
        public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
            List<Key> keys = super.selectJWSKeys(header, context);
            if (keys.isEmpty()) {
                throw new NoMatchingKey(header.getKeyID());
            }
            return keys;
        }
    }

    private static final class NoMatchingKey extends KeySourceException {
        private static final long serialVersionUID = 1L;

        NoMatchingKey(String keyId) {
            super("no " + (keyId == null ? "key" : "key with kid " + keyId) + " in the issuer's key set");
        }
    }

    /** A claim check that failed, with its reason. */
    private static final class RefusedClaim extends BadJWTException {
        private static final long serialVersionUID = 1L;
        private final Refusal reason;

        RefusedClaim(Refusal reason, String message) {
            super(message);
            this.reason = reason;
        }

        Refusal reason() {
            return reason;
        }
    }

    /**
     * The claims rules of PROTOCOL §2, checked after the signature: {@code exp} (required), {@code nbf}, each
     * with the skew; {@code iss}; {@code aud} or {@code client_id}; {@code sub}.
     */
    private record ClaimRules(AuthSettings settings, Clock clock) implements JWTClaimsSetVerifier<SecurityContext> {
        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            if (expires == null) {
                throw new RefusedClaim(Refusal.MISSING_CLAIM, "no exp claim");
            }
            if (!now.isBefore(expires.toInstant().plus(settings.clockSkew()))) {
                throw new RefusedClaim(Refusal.EXPIRED, "expired at " + expires.toInstant());
            }
            Date notBefore = claims.getNotBeforeTime();
            if (notBefore != null && now.isBefore(notBefore.toInstant().minus(settings.clockSkew()))) {
                throw new RefusedClaim(Refusal.NOT_YET_VALID, "not valid before " + notBefore.toInstant());
            }
            if (!settings.issuer().equals(claims.getIssuer())) {
                throw new RefusedClaim(Refusal.WRONG_ISSUER, "issued by another issuer");
            }
            if (!claims.getAudience().contains(settings.audience())
                    && !settings.audience().equals(claims.getClaim(CLIENT_ID))) {
                throw new RefusedClaim(Refusal.WRONG_AUDIENCE, "for another audience");
            }
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw new RefusedClaim(Refusal.MISSING_CLAIM, "no sub claim");
            }
        }
    }

    /** Builds a {@link JwtVerifier}: the settings are required, the clock is the system's unless given. */
    public static final class Builder {
        private AuthSettings settings;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder settings(AuthSettings settings) {
            this.settings = settings;
            return this;
        }

        /** The clock of {@code exp}, {@code nbf}, the key set's cache and its rate limit; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public JwtVerifier build() {
            Objects.requireNonNull(settings, "settings");
            return new JwtVerifier(settings, clock);
        }
    }
}
