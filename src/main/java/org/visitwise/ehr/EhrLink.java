package org.visitwise.ehr;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * The wire to the EHR, guarded with SmallRye Fault Tolerance: a circuit breaker (named
 * {@value #CIRCUIT}) opens when half of the last 20 exchanges failed — no answer, a timeout, a broken
 * connection, or a 5xx — and for 10 s every call fails at once instead of waiting on a sick EHR, then
 * lets a few through to see whether it recovered; a bulkhead lets at most 20 exchanges wait on the EHR
 * at once. Timeouts are the REST client's ({@code quarkus.rest-client.ehr.connect-timeout},
 * {@code read-timeout}); retries, for reads only, are the gateway's.
 */
@ApplicationScoped
public class EhrLink {

    /** The name of the EHR's circuit breaker (for readiness and maintenance). */
    public static final String CIRCUIT = "ehr";

    /** An answer of the EHR's with a 5xx status: a failure of the EHR, counted by the breaker. */
    static final class ServerError extends RuntimeException {
        final int status;

        ServerError(int status) {
            super("EHR answered " + status, null, false, false);
            this.status = status;
        }
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = { ProcessingException.class, ServerError.class })
    @CircuitBreakerName(CIRCUIT)
    @Bulkhead(20)
    Response exchange(Supplier<Response> send) {
        Response response = send.get();
        if (response.getStatus() >= 500) {
            int status = response.getStatus();
            response.close();
            throw new ServerError(status);
        }
        return response;
    }
}
