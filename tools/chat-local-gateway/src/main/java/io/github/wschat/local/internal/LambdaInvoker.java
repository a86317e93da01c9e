package io.github.wschat.local.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs handlers, the {@code $connect} authorizer too, off the event loop, on the handler executor, with the
 * integration timeout. An
 * invocation never completes exceptionally: failures and timeouts are in its {@link Invocation}. A
 * handler still running at the timeout is not interrupted (neither is a Lambda function when API Gateway
 * stops waiting for it); only its answer is ignored.
 */
final class LambdaInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaInvoker.class);

    private final Executor executor;
    private final Duration timeout;
    private final AwsIds ids;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    LambdaInvoker(Executor executor, Duration timeout, AwsIds ids) {
        this.executor = executor;
        this.timeout = timeout;
        this.ids = ids;
    }

    CompletableFuture<Invocation> invoke(Integration integration, APIGatewayV2WebSocketEvent event) {
        return run(integration.functionName(), context -> integration.handler().handleRequest(event, context),
                Invocation::new);
    }

    /** Runs the {@code $connect} authorizer as an integration runs: same executor, same timeout. */
    CompletableFuture<AuthorizerInvocation> authorize(ConnectAuthorizer authorizer, APIGatewayCustomAuthorizerEvent event) {
        return run(authorizer.functionName(), context -> authorizer.handler().handleRequest(event, context),
                AuthorizerInvocation::new);
    }

    /** How a run ended: the handler's answer, or what it threw or the timeout. */
    @FunctionalInterface
    private interface Ending<T, R> {
        R of(T response, Throwable failure, boolean timedOut, long latencyMillis);
    }

    private <T, R> CompletableFuture<R> run(String functionName, Function<Context, T> handler, Ending<T, R> ending) {
        long start = System.nanoTime();
        LocalLambdaContext context = new LocalLambdaContext(ids.newAwsRequestId(), functionName, start + timeout.toNanos());
        CompletableFuture<T> run;
        try {
            run = CompletableFuture.supplyAsync(() -> handler.apply(context), executor);
        } catch (RuntimeException rejected) {
            LOG.debug("handler executor refused {} (shutting down?)", functionName, rejected);
            return CompletableFuture.completedFuture(ending.of(null, rejected, false, 0));
        }
        inFlight.add(run);
        return run.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((response, error) -> {
                    inFlight.remove(run);
                    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (error == null) {
                        return ending.of(response, null, false, latency);
                    }
                    Throwable cause = unwrap(error);
                    boolean timedOut = cause instanceof TimeoutException;
                    if (timedOut) {
                        LOG.warn("Lambda function {} (request {}) ran past the integration timeout of {} ms",
                                functionName, context.getAwsRequestId(), timeout.toMillis());
                    } else {
                        LOG.warn("Lambda function {} (request {}) failed", functionName,
                                context.getAwsRequestId(), cause);
                    }
                    return ending.of(null, cause, timedOut, latency);
                });
    }

    /** Waits, at most the given time, for the handlers still running. */
    void awaitIdle(Duration max) {
        CompletableFuture<?>[] running = inFlight.toArray(new CompletableFuture<?>[0]);
        if (running.length == 0) {
            return;
        }
        try {
            CompletableFuture.allOf(running).get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CompletionException e) {
            LOG.debug("{} handler(s) still running at shutdown", inFlight.size());
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
