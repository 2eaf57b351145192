package org.visitwise.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.sandbox.SandboxTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of the API against every kind of caller, from one table: the expected status of
 * each pair, and no unexpected allow. The same table is printed in the README's security section,
 * and this test fails when the two differ.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** A = pat-001, who owns {appt} (booked by the test, days ahead); B = pat-002; front desk names no patient. */
    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("anonymous", () -> null);
        CALLERS.put("patient A", () -> SandboxTokens.patient("pat-001"));
        CALLERS.put("patient B", () -> SandboxTokens.patient("pat-002"));
        CALLERS.put("front-desk", () -> SandboxTokens.frontDesk("desk-1"));
        CALLERS.put("billing", () -> SandboxTokens.billing("biller"));
        CALLERS.put("provider", () -> SandboxTokens.provider("prac-001"));
        CALLERS.put("admin", () -> SandboxTokens.admin("root"));
        CALLERS.put("EHR relay", SandboxTokens::ehrService);
        CALLERS.put("EHR audit", SandboxTokens::ehrAudit);
        CALLERS.put("expired", () -> SandboxTokens.expiredPatient("pat-001"));
        CALLERS.put("wrong issuer", () -> SandboxTokens.patientFrom("https://evil.example", SandboxTokens.AUDIENCE, "pat-001"));
        CALLERS.put("wrong audience", () -> SandboxTokens.patientFrom(SandboxTokens.ISSUER, "other-app", "pat-001"));
        CALLERS.put("alg=none", AuthorizationMatrixTest::unsigned);
        CALLERS.put("tampered", AuthorizationMatrixTest::tampered);
    }

    private static final String HOLD = "{\"slotId\":\"no-such-slot\",\"visitType\":\"follow-up\"}";
    private static final String NO_SESSION = "s-AAAAAAAAAAAAAAAAAAAAAA";

    /**
     * Endpoint → expected status per caller, in the order of {@link #CALLERS}: anonymous, patient A,
     * patient B, front-desk, billing, provider, admin, EHR relay, EHR audit, expired, wrong issuer,
     * wrong audience, alg=none, tampered. 404 = allowed to ask, nothing of yours there; 400 = allowed, but
     * must (or must not) name a patient.
     */
    private static final List<Row> TABLE = List.of(
            new Row("GET /api/v1/slots", null, 401, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("GET /api/v1/appointments", null, 401, 200, 200, 400, 400, 200, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("GET /api/v1/appointments?patient=Patient/pat-001", null,
                    401, 400, 400, 200, 200, 400, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/holds", HOLD, 401, 404, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("DELETE /api/v1/holds/h-AAAAAAAAAAAAAAAAAAAAAA", null,
                    401, 404, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/appointments", HOLD, 401, 404, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/appointments/{appt}/reschedule", "{\"slotId\":\"{slot}\"}",
                    401, 200, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/appointments/{appt}/cancel", null,
                    401, 200, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/sessions", null, 401, 201, 201, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/sessions/" + NO_SESSION + "/messages", "{\"choice\":\"book\"}",
                    401, 404, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("DELETE /api/v1/sessions/" + NO_SESSION, null, 401, 404, 404, 400, 403, 403, 403, 401, 401, 401, 401, 401, 401, 401),
            new Row("GET /api/v1/audit-events", null, 401, 403, 403, 403, 403, 403, 200, 401, 401, 401, 401, 401, 401, 401),
            new Row("GET /api/v1/breach-report?from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z&actor=someone", null,
                    401, 403, 403, 403, 403, 403, 200, 401, 401, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/ehr/sessions", "{\"patient\":\"Patient/pat-003\",\"channel\":\"sms\"}",
                    401, 401, 401, 401, 401, 401, 401, 201, 403, 401, 401, 401, 401, 401),
            new Row("POST /api/v1/ehr/sessions/" + NO_SESSION + "/messages", "{\"text\":\"hello\"}",
                    401, 401, 401, 401, 401, 401, 401, 404, 403, 401, 401, 401, 401, 401),
            new Row("DELETE /api/v1/ehr/sessions/" + NO_SESSION, null, 401, 401, 401, 401, 401, 401, 401, 404, 403, 401, 401, 401, 401, 401),
            new Row("GET /api/v1/ehr/audit-events", null, 401, 401, 401, 401, 401, 401, 401, 403, 200, 401, 401, 401, 401, 401));

    record Row(String endpoint, String body, int... expected) {
        Row with(String appointment, String slot) {
            return new Row(endpoint.replace("{appt}", appointment),
                    body == null ? null : body.replace("{slot}", slot), expected);
        }
    }

    @Inject
    SandboxEhrServer sandbox;

    @Test
    void everyEndpointAgainstEveryCaller() {
        sandbox.reset();
        String appointment = org.visitwise.support.Journeys.as("pat-001").header("Idempotency-Key", "matrix-setup-1")
                .body(Map.of("slotId", org.visitwise.support.Journeys.firstFreeSlot("pat-001", "prac-001"),
                        "visitType", "follow-up")).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        String otherSlot = org.visitwise.support.Journeys.firstFreeSlot("pat-001", "prac-002");
        List<String> mismatches = new ArrayList<>();
        List<String> callers = new ArrayList<>(CALLERS.keySet());
        for (Row row : TABLE) {
            assertEquals(callers.size(), row.expected().length, row.endpoint());
            for (int i = 0; i < callers.size(); i++) {
                int status = call(row.with(appointment, otherSlot), CALLERS.get(callers.get(i)).get());
                if (status != row.expected()[i]) {
                    mismatches.add(row.endpoint() + " as " + callers.get(i) + ": expected " + row.expected()[i] + ", got " + status);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void readmePrintsThisTable() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String table = markdown();
        org.junit.jupiter.api.Assertions.assertTrue(readme.contains(table), "README.md must contain:\n" + table);
    }

    private static String markdown() {
        StringBuilder md = new StringBuilder("| endpoint | " + String.join(" | ", CALLERS.keySet()) + " |\n");
        md.append("|---|").append("---|".repeat(CALLERS.size())).append('\n');
        for (Row row : TABLE) {
            md.append("| `").append(row.endpoint().replace("{appt}", "{id}")).append("` |");
            for (int status : row.expected()) {
                md.append(' ').append(status).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static int call(Row row, String token) {
        String[] parts = row.endpoint().split(" ", 2);
        RequestSpecification request = given().header("Idempotency-Key", "matrix-key-0001");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.body() != null) {
            request = request.contentType(ContentType.JSON).body(row.body());
        }
        return request.request(parts[0], parts[1]).then().extract().statusCode();
    }

    private static String unsigned() {
        String[] parts = SandboxTokens.patient("pat-001").split("\\.");
        return Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
    }

    private static String tampered() {
        String[] parts = SandboxTokens.patient("pat-001").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("pat-001", "pat-002");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
