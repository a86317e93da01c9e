package io.github.wschat.testkit.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A token issuer on loopback, for tests of JWT authorization and for the local runner's {@code CHAT_AUTH=dev}:
 * an RSA 2048 and an EC P-256 key pair made at start (distinct {@code kid}s), the public keys served as a
 * JSON Web Key Set at {@code {issuer}/.well-known/jwks.json}, and tokens signed with them, valid or made to be
 * refused. Bound to {@code 127.0.0.1} only; the JDK's HTTP server.
 *
 * <pre>{@code
 * try (LoopbackIssuer issuer = LoopbackIssuer.start()) {                // audience "wschat"
 *     String token = issuer.token().subject("alice").name("Alice").rooms(List.of("private-team-*")).sign();
 *     String forged = issuer.token().signedWith(LoopbackIssuer.Key.UNKNOWN_RSA).sign();
 *     issuer.jwksAvailable(false);                                      // the key set answers 503 now
 * }
 * }</pre>
 *
 * <p>With {@link Builder#tokenEndpoint(boolean) tokenEndpoint(true)},
 * {@code GET {issuer}/dev/token?user=…&name=…&rooms=a,b&scope=…} answers a token for that user as {@code text/plain}
 * (RS256, 12 h); {@code user} is required, and each value must be what a {@code UserIdentity} accepts (user id 1 to
 * 256 characters, name 1 to 128, no control characters, not blank; at most 256 room grants, each a room name or a
 * prefix ending in {@code *}), and {@code scope} (the token's {@code scope} claim, such as the server API's
 * {@code wschat:server} for a backend) space-separated scope tokens of RFC 6749 §3.3, at most 256 characters, else
 * 400 with a one-line reason.
 *
 * <p>The token endpoint answers CORS with {@code Access-Control-Allow-Origin: *} (and a preflight {@code OPTIONS}
 * with 204), so that a page of another origin, the local runner's chat page on its own port, can read the token it
 * mints. Any origin is acceptable here because the endpoint guards nothing CORS could: it mints a token for
 * whoever asks, without credentials or cookies, to anything that reaches 127.0.0.1 ({@code curl} included); its
 * tokens are signed with a key made at this start and are accepted only by what trusts this issuer's key set, a
 * local chat of test data. The key set and everything else answer without CORS headers.
 */
public final class LoopbackIssuer implements AutoCloseable {

    /** The audience of tokens unless the builder says otherwise. */
    public static final String DEFAULT_AUDIENCE = "wschat";
    /** The subject of tokens unless the token builder says otherwise. */
    public static final String DEFAULT_SUBJECT = "user-1";
    /** The lifetime of tokens unless the token builder says otherwise. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** The lifetime of the token endpoint's tokens. */
    public static final Duration DEV_TOKEN_LIFETIME = Duration.ofHours(12);
    /** The key set's path below the issuer. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    /** The token endpoint's path below the issuer. */
    public static final String TOKEN_PATH = "/dev/token";

    static final int MAX_USER_ID_LENGTH = 256;
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_ROOM_GRANTS = 256;
    private static final Pattern GRANT = Pattern.compile("[A-Za-z0-9_.:-]{1,64}|[A-Za-z0-9_.:-]{0,63}\\*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** RFC 6749 §3.3: scope-token *( SP scope-token ), scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*");
    static final int MAX_SCOPE_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The key a token is signed with. */
    public enum Key {
        /** The issuer's RSA key: RS256. */
        RSA,
        /** The issuer's EC P-256 key: ES256. */
        EC,
        /** An RSA key that is not in the key set, with a {@code kid} of the same shape: a forgery. */
        UNKNOWN_RSA
    }

    private final RSAKey rsa;
    private final ECKey ec;
    private final RSAKey unknownRsa;
    private final String audience;
    private final boolean tokenEndpoint;
    private final HttpServer server;
    private final URI issuer;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicBoolean jwksAvailable = new AtomicBoolean(true);

    private LoopbackIssuer(Builder builder) {
        this.rsa = rsaKey();
        this.ec = ecKey();
        this.unknownRsa = rsaKey();
        this.audience = builder.audience;
        this.tokenEndpoint = builder.tokenEndpoint;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the loopback issuer to port " + builder.port, e);
        }
        server.createContext("/", this::serve);
        server.start();
        this.issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An issuer on a free port, audience {@value #DEFAULT_AUDIENCE}, without the token endpoint. */
    public static LoopbackIssuer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}: the {@code iss} of its tokens. */
    public URI issuer() {
        return issuer;
    }

    /** {@code {issuer}/.well-known/jwks.json}. */
    public URI jwksUrl() {
        return URI.create(issuer + JWKS_PATH);
    }

    /** {@code {issuer}/dev/token}. */
    public URI tokenEndpoint() {
        if (!tokenEndpoint) {
            throw new IllegalStateException("this issuer has no token endpoint: build it with tokenEndpoint(true)");
        }
        return URI.create(issuer + TOKEN_PATH);
    }

    public String audience() {
        return audience;
    }

    /** The {@code kid} of a key (that of {@link Key#UNKNOWN_RSA} is in no key set). */
    public String keyId(Key key) {
        return switch (key) {
            case RSA -> rsa.getKeyID();
            case EC -> ec.getKeyID();
            case UNKNOWN_RSA -> unknownRsa.getKeyID();
        };
    }

    /** How many GETs of the key set arrived so far, those answered 503 included. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Whether the key set is served (true, the default) or answered 503 (false). */
    public void jwksAvailable(boolean available) {
        jwksAvailable.set(available);
    }

    /** A token to build: {@value #DEFAULT_SUBJECT}, this issuer and audience, 5 minutes, RS256 unless told otherwise. */
    public TokenBuilder token() {
        return new TokenBuilder();
    }

    /** A default token with {@code alg: none} and no signature. */
    public String unsigned() {
        return token().unsigned();
    }

    /** A default token signed HS256 with the RSA public key as the secret: the algorithm confusion attack. */
    public String hs256WithPublicKeyAsSecret() {
        return token().hs256WithPublicKeyAsSecret();
    }

    /** A default token whose payload was changed after signing. */
    public String tampered() {
        return token().tampered();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean devToken = tokenEndpoint && TOKEN_PATH.equals(path);
            if (devToken) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            }
            if (devToken && "OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET");
                exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
                exchange.sendResponseHeaders(204, -1);
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "only GET");
            } else if (JWKS_PATH.equals(path)) {
                jwksFetches.incrementAndGet();
                if (jwksAvailable.get()) {
                    respond(exchange, 200, "application/json", new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
                } else {
                    respond(exchange, 503, "text/plain", "the key set is unavailable (jwksAvailable(false))");
                }
            } else if (devToken) {
                devToken(exchange);
            } else {
                respond(exchange, 404, "text/plain", "no such path: " + path);
            }
        }
    }

    private void devToken(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String user = query.get("user");
        String name = query.get("name");
        String rooms = query.get("rooms");
        List<String> grants = rooms == null || rooms.isEmpty() ? List.of() : Arrays.asList(rooms.split(",", -1));
        String problem = user == null ? "the user parameter is required"
                : problemWith("user", user, MAX_USER_ID_LENGTH);
        if (problem == null && name != null) {
            problem = problemWith("name", name, MAX_NAME_LENGTH);
        }
        if (problem == null) {
            problem = problemWithGrants(grants);
        }
        String scope = query.get("scope");
        if (problem == null && scope != null && (scope.length() > MAX_SCOPE_LENGTH || !SCOPE.matcher(scope).matches())) {
            problem = "scope must be scope tokens separated by one space (RFC 6749 3.3), at most " + MAX_SCOPE_LENGTH
                    + " characters";
        }
        if (problem != null) {
            respond(exchange, 400, "text/plain", problem);
            return;
        }
        TokenBuilder token = token().subject(user).rooms(grants).expiresIn(DEV_TOKEN_LIFETIME);
        if (scope != null) {
            token.claim("scope", scope);
        }
        respond(exchange, 200, "text/plain", (name == null ? token : token.name(name)).sign());
    }

    /** What a {@code UserIdentity} would refuse in a user id or name, or null. */
    static String problemWith(String what, String value, int maxLength) {
        if (value.isBlank() || value.length() > maxLength) {
            return what + " must have 1 to " + maxLength + " characters, not blank";
        }
        if (CONTROL.matcher(value).find()) {
            return what + " must not hold control characters";
        }
        return null;
    }

    /** What a {@code UserIdentity} would refuse in room grants, or null. */
    static String problemWithGrants(List<String> grants) {
        if (grants.size() > MAX_ROOM_GRANTS) {
            return "at most " + MAX_ROOM_GRANTS + " room grants";
        }
        for (String grant : grants) {
            if (!GRANT.matcher(grant).matches()) {
                return "a room grant is a room name (1-64 of A-Z a-z 0-9 _ - . :) or a prefix ending in *";
            }
        }
        return null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String randomId(String prefix) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(randomId("rsa-")).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    private static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(randomId("ec-")).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an EC key", e);
        }
    }

    /**
     * A token of this issuer, built fluently: {@link #sign()} signs it as told; {@link #unsigned()},
     * {@link #hs256WithPublicKeyAsSecret()} and {@link #tampered()} make the attacks of the same claims.
     */
    public final class TokenBuilder {
        private String subject = DEFAULT_SUBJECT;
        private String tokenIssuer = issuer.toString();
        private String tokenAudience = audience;
        private Instant expiresAt = Instant.now().plus(DEFAULT_LIFETIME);
        private Instant notBefore;
        private Key key = Key.RSA;
        private String keyId;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private TokenBuilder() {
        }

        /** The {@code sub}; null for a token without one. */
        public TokenBuilder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public TokenBuilder name(String name) {
            return claim("name", name);
        }

        /** The {@code rooms} claim, a list of strings. */
        public TokenBuilder rooms(List<String> rooms) {
            return claim("rooms", new ArrayList<>(rooms));
        }

        /** Any claim; a null value removes it. */
        public TokenBuilder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        /** The {@code iss}; null for a token without one. */
        public TokenBuilder issuer(String issuer) {
            this.tokenIssuer = issuer;
            return this;
        }

        /** The {@code aud}; null for a token without one (a Cognito access token, with {@code client_id}). */
        public TokenBuilder audience(String audience) {
            this.tokenAudience = audience;
            return this;
        }

        /** The {@code exp}; null for a token without one. */
        public TokenBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public TokenBuilder expiresIn(Duration lifetime) {
            return expiresAt(Instant.now().plus(lifetime));
        }

        public TokenBuilder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public TokenBuilder signedWith(Key key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The header's {@code kid} instead of the signing key's own. */
        public TokenBuilder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /** The compact JWS, signed with the key of {@link #signedWith} (RS256 by default). */
        public String sign() {
            JWSSigner signer;
            JWSAlgorithm algorithm;
            String kid;
            try {
                switch (key) {
                    case EC -> {
                        signer = new ECDSASigner(ec);
                        algorithm = JWSAlgorithm.ES256;
                        kid = ec.getKeyID();
                    }
                    case UNKNOWN_RSA -> {
                        signer = new RSASSASigner(unknownRsa);
                        algorithm = JWSAlgorithm.RS256;
                        kid = unknownRsa.getKeyID();
                    }
                    default -> {
                        signer = new RSASSASigner(rsa);
                        algorithm = JWSAlgorithm.RS256;
                        kid = rsa.getKeyID();
                    }
                }
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot make a signer", e);
            }
            return signed(new JWSHeader.Builder(algorithm).keyID(keyId == null ? kid : keyId).build(), signer);
        }

        /** The claims with {@code alg: none} and an empty signature. */
        public String unsigned() {
            return new PlainJWT(claimsSet()).serialize();
        }

        /**
         * The claims signed HS256 with the issuer's RSA public key (its X.509 encoding) as the HMAC secret, the
         * header naming the RSA key's {@code kid}: what a verifier that lets the token pick the algorithm accepts.
         */
        public String hs256WithPublicKeyAsSecret() {
            try {
                return signed(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID()).build(),
                        new MACSigner(rsa.toRSAPublicKey().getEncoded()));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot make an HMAC signer", e);
            }
        }

        /** The token {@link #sign()} makes, its payload then replaced: {@code sub} "admin" and {@code rooms} ["*"]. */
        public String tampered() {
            String[] parts = sign().split("\\.");
            Map<String, Object> changed = new LinkedHashMap<>(claimsSet().toJSONObject());
            changed.put("sub", "admin");
            changed.put("rooms", List.of("*"));
            try {
                parts[1] = Base64URL.encode(JWTClaimsSet.parse(changed).toString()).toString();
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
            return String.join(".", parts);
        }

        private String signed(JWSHeader header, JWSSigner signer) {
            SignedJWT jwt = new SignedJWT(header, claimsSet());
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign the token", e);
            }
            return jwt.serialize();
        }

        private JWTClaimsSet claimsSet() {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(tokenIssuer)
                    .issueTime(new Date())
                    .jwtID(randomId("jti-"));
            if (tokenAudience != null) {
                builder.audience(tokenAudience);
            }
            if (expiresAt != null) {
                builder.expirationTime(Date.from(expiresAt));
            }
            if (notBefore != null) {
                builder.notBeforeTime(Date.from(notBefore));
            }
            claims.forEach(builder::claim);
            return builder.build();
        }
    }

    /** Builds and starts a {@link LoopbackIssuer}. */
    public static final class Builder {
        private String audience = DEFAULT_AUDIENCE;
        private int port;
        private boolean tokenEndpoint;

        private Builder() {
        }

        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** The port; 0 (the default) for a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Whether {@code GET /dev/token} hands out tokens (the local runner's {@code CHAT_AUTH=dev}); off by default. */
        public Builder tokenEndpoint(boolean tokenEndpoint) {
            this.tokenEndpoint = tokenEndpoint;
            return this;
        }

        public LoopbackIssuer start() {
            return new LoopbackIssuer(this);
        }
    }
}
