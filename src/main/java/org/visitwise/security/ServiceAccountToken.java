package org.visitwise.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented on {@code /api/v1/ehr/*}: verified as an EHR service account, never as a person. */
final class ServiceAccountToken extends BaseAuthenticationRequest {

    private final String token;

    ServiceAccountToken(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
