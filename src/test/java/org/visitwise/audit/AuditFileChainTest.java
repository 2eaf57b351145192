package org.visitwise.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEnvironment;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.LogFiles;

import io.quarkus.test.junit.QuarkusTest;

/** What the running application writes is a chain that the verify command accepts, checkpoints and all. */
@QuarkusTest
class AuditFileChainTest {

    @Inject
    AuditLog audit;

    @Test
    void theAuditStreamOfThisRunVerifiesWithTheCheckpointKey() throws Exception {
        given().auth().oauth2(SandboxTokens.patient("pat-004")).get("/api/v1/appointments").then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/api/v1/appointments").then().statusCode(401);
        audit.checkpoint();
        List<String> ours = LogFiles.auditLines().stream().filter(l -> l.contains("\"chain\":\"" + audit.chainId() + "\"")).toList();
        assertTrue(ours.size() > 3, "events of this instance");
        assertTrue(ours.stream().anyMatch(l -> l.contains("\"subtype\":\"checkpoint\"")));
        Path file = Files.createTempFile("audit-", ".jsonl");
        Files.write(file, ours);
        Path key = SandboxEnvironment.get().tlsDir().resolve(SandboxEnvironment.AUDIT_CHECKPOINT_PUBLIC_KEY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditVerify.run(new String[] { file.toString(), "--key", key.toString() },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("OK:"));

        // the same file with one line removed fails, naming the line
        List<String> damaged = new java.util.ArrayList<>(ours);
        damaged.remove(1);
        Files.write(file, damaged);
        out.reset();
        assertEquals(1, AuditVerify.run(new String[] { file.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("line 2"), out.toString(StandardCharsets.UTF_8));
        Files.delete(file);
    }
}
