package org.visitwise.ehr;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEhrServer;
import org.visitwise.support.LogFiles;
import org.visitwise.support.TestClock;
import org.visitwise.support.Management;

import io.quarkus.test.junit.QuarkusTest;

@Tag("time-sensitive")
@QuarkusTest
class EhrReadinessCheckTest {

    @Inject
    SandboxEhrServer sandbox;

    @AfterEach
    void realClock() {
        TestClock.reset();
    }

    @Test
    void readinessShowsTheAgentReachingTheSandboxEhrOverMutualTls() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ehr"))
                .body("checks.find { it.name == 'ehr' }.data.software", equalTo("Visitwise Sandbox EHR"))
                .body("checks.find { it.name == 'ehr' }.data.fhirVersion", equalTo("4.0.1"));
    }

    @Test
    void manyAnonymousProbesAskTheEhrAtMostOnceInTheCachePeriod() throws Exception {
        TestClock.advance(Duration.ofMinutes(5)); // whatever an earlier test left cached is stale now
        long before = sandbox.requestCount();
        int auditBefore = LogFiles.auditLines().size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> probes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                probes.add(pool.submit(() -> Management.given().get("/q/health/ready").statusCode()));
            }
            for (Future<Integer> probe : probes) {
                assertEquals(200, probe.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, sandbox.requestCount() - before, "40 probes, one request to the EHR");
        long auditLines = LogFiles.auditLines().subList(auditBefore, LogFiles.auditLines().size()).stream()
                .filter(l -> l.contains("\"capabilities\"")).count();
        assertEquals(1, auditLines, "and one audit line");

        TestClock.advance(Duration.ofSeconds(31));
        Management.given().get("/q/health/ready").then().statusCode(200);
        assertTrue(sandbox.requestCount() - before == 2, "after the cache period the EHR is asked again");
    }
}
