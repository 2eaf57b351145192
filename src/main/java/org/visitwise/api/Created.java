package org.visitwise.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A 201 (or, for a replayed request, 200) whose {@code Location} is a path on this server, written as
 * given: never made absolute from the request's {@code Host} header, which the caller chooses.
 */
public final class Created {

    private Created() {
    }

    public static Response.ResponseBuilder at(String path) {
        return at(201, path);
    }

    public static Response.ResponseBuilder at(int status, String path) {
        return Response.status(status).header(HttpHeaders.LOCATION, path);
    }
}
