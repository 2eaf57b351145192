package org.visitwise.sandbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

/**
 * Dev only: {@code GET /sandbox/token?patient=pat-001} or {@code ?role=front-desk} answers a signed
 * bearer token for the sandbox practice. Exists only while the sandbox EHR is enabled, and not at all
 * in a release build.
 */
@Path("/sandbox/token")
@PermitAll
public class SandboxTokenResource {

    private final SandboxConfig config;

    SandboxTokenResource(SandboxConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@RestQuery String patient, @RestQuery String role) {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
        if (patient != null && patient.matches("pat-0(0[1-9]|1[0-9]|2[0-5])") && role == null) {
            return SandboxTokens.patient(patient);
        }
        if ("front-desk".equals(role) && patient == null) {
            return SandboxTokens.frontDesk("front-desk-1");
        }
        throw new jakarta.ws.rs.BadRequestException();
    }
}
