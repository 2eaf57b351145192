package org.visitwise.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.visitwise.ehr.EhrNotFoundException;
import org.visitwise.ehr.EhrRejectedException;
import org.visitwise.ehr.EhrUnavailableException;
import org.visitwise.ehr.EhrVersionConflictException;
import org.visitwise.ehr.ScopeDeniedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;

/**
 * The few mappers that turn every failure into RFC 9457 problem+json. Bodies are fixed texts: no
 * exception message that might echo input, no stack trace. Logs carry the exception type only.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String fields = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    return path.substring(path.lastIndexOf('.') + 1);
                })
                .distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("request");
        return Problem.of("invalid-request", "Invalid request", 400, "Invalid value for: " + fields).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return unreadableBody();
    }

    /** Unknown fields and wrong types (more specific than Quarkus's own mapper, which answers plain JSON). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadableBody();
    }

    private static Response unreadableBody() {
        return Problem.of("invalid-request", "Invalid request", 400,
                "The body is not valid JSON for this request, or has unknown or misplaced fields.").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of("not-found", "Not found", 404, "There is nothing here.").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return e.getResponse();
        }
        return Problem.of("http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status, null)
                .toResponse();
    }

    /** Another patient's data, or anything outside the caller's scopes: indistinguishable from absent. */
    @ServerExceptionMapper
    public Response outOfScope(ScopeDeniedException e) {
        return Problem.of("not-found", "Not found", 404, "No such resource for this caller.").toResponse();
    }

    @ServerExceptionMapper
    public Response ehrNotFound(EhrNotFoundException e) {
        return Problem.of("not-found", "Not found", 404, "No such resource for this caller.").toResponse();
    }

    @ServerExceptionMapper
    public Response ehrConflict(EhrVersionConflictException e) {
        return Problem.of("conflict", "Changed meanwhile", 409,
                "The record changed while we were working on it. Please try again.").toResponse();
    }

    @ServerExceptionMapper
    public Response ehrUnavailable(EhrUnavailableException e) {
        Log.warnf("EHR unavailable: %s", e.getMessage());
        return Response.fromResponse(Problem.of("ehr-unavailable", "Practice system unavailable", 503,
                "The practice's system did not answer. Nothing was changed that we could not confirm; please try again shortly.")
                .toResponse()).header("Retry-After", "30").build();
    }

    @ServerExceptionMapper
    public Response ehrRejected(EhrRejectedException e) {
        Log.warnf("EHR refused a request: %s", e.getMessage());
        return Problem.of("ehr-rejected", "Practice system refused", 502,
                "The practice's system refused the request.").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.errorf("Unexpected %s", e.getClass().getName());
        return Problem.of("internal", "Internal error", 500, "Something went wrong on our side.").toResponse();
    }
}
