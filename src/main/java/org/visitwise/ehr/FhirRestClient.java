package org.visitwise.ehr;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The FHIR R4 RESTful API of the EHR, over mutual TLS (TLS registry configuration {@code ehr}).
 * Package-private: everything goes through {@link EhrGateway}, which checks scopes and audits.
 */
@RegisterRestClient(configKey = "ehr")
@Produces(FhirRestClient.FHIR_JSON)
@Consumes(FhirRestClient.FHIR_JSON)
interface FhirRestClient {

    String FHIR_JSON = "application/fhir+json";

    @GET
    @Path("metadata")
    Response capabilities();

    @GET
    @Path("{type}/{id}")
    Response read(@PathParam("type") String type, @PathParam("id") String id);

    /**
     * A search, with {@code Cache-Control: no-cache}: servers such as HAPI FHIR answer a repeated
     * search from a cache (for a minute by default) unless told not to.
     */
    @GET
    @Path("{type}")
    Response search(@PathParam("type") String type, @RestQuery MultivaluedMap<String, String> params,
            @HeaderParam("Cache-Control") String cacheControl);

    @POST
    @Path("{type}")
    Response create(@PathParam("type") String type, String resource);

    @PUT
    @Path("{type}/{id}")
    Response update(@PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch, String resource);

    @POST
    Response transaction(String bundle);
}
