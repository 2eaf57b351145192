package org.visitwise.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.TestClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** From the audit stream alone: what one identity did, to which (pseudonymous) patients, in which sessions. */
@QuarkusTest
class BreachReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV_PSEUDONYM_KEY = "dev-only-pseudonym-key-not-for-production-use";

    @Test
    void reportListsTheIdentitysSessionsActionsAndPseudonymousPatients() throws Exception {
        String from = TestClock.now().minusSeconds(1).toString();
        String token = SandboxTokens.frontDesk("report-desk-" + System.nanoTime());
        String subject = subjectOf(token);
        given().auth().oauth2(token).get("/api/v1/appointments?patient=Patient/pat-010").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/appointments?patient=Patient/pat-011").then().statusCode(200);
        given().auth().oauth2(token).post("/api/v1/sessions?patient=Patient/pat-011").then().statusCode(201);
        String to = TestClock.now().plusSeconds(1).toString();

        JsonPath report = given().auth().oauth2(SandboxTokens.admin("privacy-officer"))
                .queryParam("from", from).queryParam("to", to).queryParam("actor", subject)
                .get("/api/v1/breach-report").then().statusCode(200).extract().jsonPath();
        Pseudonymizer practice = new Pseudonymizer(DEV_PSEUDONYM_KEY);
        assertEquals(List.of(practice.pseudonym("Patient/pat-010"), practice.pseudonym("Patient/pat-011")).stream().sorted().toList(),
                report.getList("patients"), "the practice re-identifies by recomputing pseudonyms");
        assertEquals(1, report.getList("sessions").size());
        assertTrue(report.getMap("actions").containsKey("rest/search-type/0"), report.prettify());
        assertTrue(report.getMap("actions").containsKey("session/session-start/0"), report.prettify());
        assertTrue(!report.prettify().contains("pat-01"), "no patient id in the report");

        // the same report from the audit file, by the command-line form
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BreachReportCli.run(new String[] { "target/test-logs/audit.jsonl", "--from", from, "--to", to,
                "--actor", subject }, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        JsonNode cli = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(report.getList("patients"), JSON.convertValue(cli.get("patients"), List.class));
        assertEquals(report.getInt("events"), cli.get("events").asInt());
    }

    @Test
    void badRequestsAreProblems() {
        String admin = SandboxTokens.admin("privacy-officer");
        given().auth().oauth2(admin).queryParam("from", "yesterday").queryParam("to", "2026-11-22T00:00:00Z")
                .queryParam("actor", "x").get("/api/v1/breach-report").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-06-01T00:00:00Z")
                .queryParam("actor", "x").get("/api/v1/breach-report").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2026-01-02T00:00:00Z")
                .get("/api/v1/breach-report").then().statusCode(400);
    }

    private static String subjectOf(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }
}
