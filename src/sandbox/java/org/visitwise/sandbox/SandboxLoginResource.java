package org.visitwise.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.visitwise.api.InvalidRequestException;

/**
 * The sandbox login, dev and test only: choose a synthetic patient, a staff role or the EHR's service
 * account, and get a signed token for it. The token is signed with a key made at start-up and verified
 * by the agent through the same code path as a production IdP's (OIDC for people, the service-account
 * verifier for the EHR). It answers 404 unless the sandbox is enabled, and a release build
 * ({@code -Drelease}) contains no sandbox class at all.
 */
@Path("/sandbox/login")
@PermitAll
public class SandboxLoginResource {

    /** What the login answers: an OAuth-style token response. */
    public record TokenResponse(String access_token, String token_type, long expires_in, String as) {
    }

    private static final Map<String, Supplier<String>> STAFF = new LinkedHashMap<>();

    static {
        STAFF.put("front-desk", () -> SandboxTokens.frontDesk("front-desk-1"));
        STAFF.put("billing", () -> SandboxTokens.billing("billing-1"));
        STAFF.put("provider:prac-001", () -> SandboxTokens.provider("prac-001"));
        STAFF.put("provider:prac-002", () -> SandboxTokens.provider("prac-002"));
        STAFF.put("provider:prac-003", () -> SandboxTokens.provider("prac-003"));
        STAFF.put("admin", () -> SandboxTokens.admin("admin-1"));
        STAFF.put("ehr-relay", SandboxTokens::ehrService);
        STAFF.put("ehr-audit", SandboxTokens::ehrAudit);
    }

    private final SandboxConfig config;

    SandboxLoginResource(SandboxConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        requireSandbox();
        StringBuilder html = new StringBuilder(PAGE_START);
        html.append("<h2>Patients</h2><ul>");
        for (SandboxPractice.SyntheticPatient p : SandboxPractice.patients()) {
            html.append(button(p.id(), p.given() + " " + p.family() + " (" + p.id() + ")"));
        }
        html.append("</ul><h2>Practice staff and systems</h2><ul>");
        STAFF.keySet().forEach(who -> html.append(button(who, who)));
        return html.append("</ul></body></html>").toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse login(@RestForm String as) {
        requireSandbox();
        return new TokenResponse(token(as), "Bearer", as != null && as.startsWith("ehr-") ? 300 : 900, as);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String loginPage(@RestForm String as) {
        requireSandbox();
        String token = token(as);
        return PAGE_START + "<h2>Signed in as " + escape(as) + "</h2><p>Bearer token (15 minutes; the EHR's: 5 minutes, "
                + "one request):</p><textarea readonly rows=\"8\" cols=\"100\">" + token + "</textarea>"
                + "<p><a href=\"/sandbox/login\">Choose someone else</a></p></body></html>";
    }

    private static String token(String as) {
        if (as != null && as.matches("pat-0(0[1-9]|1[0-9]|2[0-5])")) {
            return SandboxTokens.patient(as);
        }
        Supplier<String> staff = as == null ? null : STAFF.get(as);
        if (staff == null) {
            throw new InvalidRequestException("as must be a sandbox patient (pat-001 … pat-025) or one of: "
                    + String.join(", ", STAFF.keySet()) + ".");
        }
        return staff.get();
    }

    private void requireSandbox() {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
    }

    private static String button(String value, String label) {
        return "<li><form method=\"post\" action=\"/sandbox/login\"><button name=\"as\" value=\"" + escape(value) + "\">"
                + escape(label) + "</button></form></li>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String PAGE_START = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Visitwise sandbox login</title></head><body><h1>Visitwise sandbox login</h1>"
            + "<p>Dev only: synthetic people of the sandbox practice. Not part of a production build.</p>";
}
