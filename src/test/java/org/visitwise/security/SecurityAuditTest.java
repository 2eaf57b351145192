package org.visitwise.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.LogFiles;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;

/** Failed logins and refused requests are audited, without anything from the token. */
@QuarkusTest
class SecurityAuditTest {

    @Test
    void badTokenIsAuditedAsALoginFailureAndCounted() {
        int before = LogFiles.auditLines().size();
        double counted = metric("visitwise_security_login_failures_total");
        String expired = SandboxTokens.expiredPatient("pat-001");
        given().auth().oauth2(expired).get("/api/v1/appointments").then().statusCode(401);
        assertEquals(counted + 1, metric("visitwise_security_login_failures_total"));
        List<String> events = LogFiles.auditLinesAfter(before);
        assertEquals(1, events.stream().filter(e -> e.contains("\"subtype\":\"login-failure\"")).count(), events.toString());
        assertFalse(String.join("\n", events).contains(expired.substring(0, 20)), "no token contents");
    }

    @Test
    void wrongRoleIsAuditedAsADenialWithTheOpaqueSubject() {
        int before = LogFiles.auditLines().size();
        given().auth().oauth2(SandboxTokens.admin("root")).get("/api/v1/appointments")
                .then().statusCode(403);
        List<String> denials = LogFiles.auditLinesAfter(before).stream()
                .filter(e -> e.contains("\"subtype\":\"access-denied\"")).toList();
        assertEquals(1, denials.size());
        assertTrue(denials.get(0).matches(".*\"actor\":\"[0-9a-f\\-]{36}\".*"), denials.get(0));
        assertTrue(denials.get(0).contains("\"reason\":\"forbidden\""));
    }

    private static double metric(String name) {
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
