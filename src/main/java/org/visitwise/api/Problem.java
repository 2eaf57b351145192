package org.visitwise.api;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code detail} and the extension members are written by our own code
 * from fixed texts and ids the caller already holds: never a stack trace, never PHI.
 *
 * @param type       a URI naming the kind of problem
 * @param title      short, fixed summary of the kind
 * @param status     HTTP status
 * @param detail     what went wrong here, for a person
 * @param extensions extra members (e.g. {@code alternatives}), flattened into the object
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://visitwise.org/problems/";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(URI.create(BASE + kind), title, status, detail, Map.of());
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
