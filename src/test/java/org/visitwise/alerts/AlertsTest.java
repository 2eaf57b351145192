package org.visitwise.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.LogFiles;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;

/** The rules run on the live audit stream: a front-desk account browsing too many patients raises an alert. */
@QuarkusTest
class AlertsTest {

    @Test
    void browsingMorePatientsThanTheThresholdRaisesOneAlertEventAndCountsIt() {
        String token = SandboxTokens.frontDesk("curious-desk-" + System.nanoTime());
        int before = LogFiles.auditLines().size();
        for (int i = 1; i <= 20; i++) {
            given().auth().oauth2(token).get("/api/v1/appointments?patient=Patient/pat-" + String.format("%03d", i))
                    .then().statusCode(200);
        }
        assertEquals(0, alertLines(before).size(), "20 distinct patients is the threshold");
        given().auth().oauth2(token).get("/api/v1/appointments?patient=Patient/pat-021").then().statusCode(200);
        List<String> alerts = alertLines(before);
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).contains("\"reason\":\"21 > 20 in 10 min\""), alerts.get(0));
        assertTrue(!alerts.get(0).contains("pat-0"), "pseudonyms only");
        String metrics = Management.given().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("visitwise_alerts_total{rule=\"distinct-patients\"}"), "counted");
    }

    private static List<String> alertLines(int before) {
        return LogFiles.auditLinesAfter(before).stream()
                .filter(l -> l.contains("\"type\":\"alert\"") && l.contains("\"subtype\":\"distinct-patients\"")).toList();
    }
}
