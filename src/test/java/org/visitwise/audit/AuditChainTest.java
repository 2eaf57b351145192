package org.visitwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The hash chain and its verifier: every kind of tampering is found, at the first line it touches. */
class AuditChainTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KeyPair keys = ed25519();
    private final Optional<PublicKey> publicKey = Optional.of(keys.getPublic());

    @Test
    void intactChainWithACheckpointVerifies() {
        List<String> lines = chain(10, 4);
        AuditVerify.Result result = AuditVerify.verify(lines, publicKey, 100);
        assertTrue(result.ok(), result.message());
        assertEquals(10, result.events());
        assertEquals(2, result.checkpoints());
    }

    @Test
    void anAlteredLineIsFound() {
        List<String> lines = chain(10, 100);
        lines.set(3, lines.get(3).replace("\"subtype\":\"read\"", "\"subtype\":\"search-type\""));
        assertFailure(lines, "line 4: altered");
    }

    @Test
    void anAlteredLineWhoseHashWasRecomputedBreaksTheNextLink() {
        List<String> lines = chain(10, 100);
        String forged = lines.get(3).replace("\"status\":200", "\"status\":404");
        String body = forged.substring(0, forged.lastIndexOf(",\"hash\":\"")) + "}";
        lines.set(3, body.substring(0, body.length() - 1) + ",\"hash\":\"" + AuditChain.sha256(body) + "\"}");
        assertFailure(lines, "line 5: chain");
        assertFailure(lines, "does not follow the line before it");
    }

    @Test
    void rewritingEverythingAfterAnEditAndDroppingTheCheckpointsIsFoundWithTheKey() {
        List<String> lines = chain(12, 4);
        // the attacker edits event 2, re-seals every line after it and drops the checkpoints they cannot sign
        List<String> rewritten = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        long seq = 0;
        for (String line : lines) {
            if (line.contains("\"subtype\":\"checkpoint\"")) {
                continue;
            }
            String body = line.substring(0, line.lastIndexOf(",\"chain\":")) + ",\"chain\":\"" + chainOf(line)
                    + "\",\"seq\":" + (++seq) + ",\"prev\":\"" + prev + "\"}";
            if (seq == 2) {
                body = body.replace("\"status\":200", "\"status\":404");
            }
            String hash = AuditChain.sha256(body);
            rewritten.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}");
            prev = hash;
        }
        assertTrue(AuditVerify.verify(rewritten, Optional.empty(), 4).ok(), "without the key a full rewrite passes");
        AuditVerify.Result withKey = AuditVerify.verify(rewritten, publicKey, 4);
        assertFalse(withKey.ok());
        assertTrue(withKey.message().contains("without a signed checkpoint"), withKey.message());
    }

    @Test
    void theReportSaysHowManyEventsNoSignatureCoversYet() {
        AuditVerify.Result result = AuditVerify.verify(chain(10, 4), publicKey, 4);
        assertTrue(result.ok(), result.message());
        assertTrue(result.message().contains("2 event(s) after the last checkpoint"), result.message());
    }

    private static String chainOf(String line) {
        int at = line.indexOf("\"chain\":\"") + 9;
        return line.substring(at, line.indexOf('"', at));
    }

    @Test
    void aRemovedLineIsFound() {
        List<String> lines = chain(10, 100);
        lines.remove(4);
        assertFailure(lines, "line 5: chain");
        assertFailure(lines, "1 event(s) removed");
    }

    @Test
    void reorderedLinesAreFound() {
        List<String> lines = chain(10, 100);
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        assertFailure(lines, "line 3: chain");
    }

    @Test
    void anInsertedLineIsFound() {
        List<String> lines = chain(6, 100);
        lines.add(2, "{\"type\":\"rest\",\"subtype\":\"read\"}");
        assertFailure(lines, "line 3: not a sealed audit line");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsFound() {
        List<String> lines = chain(8, 4);
        AuditVerify.Result withOtherKey = AuditVerify.verify(lines, Optional.of(ed25519().getPublic()), 100);
        assertFalse(withOtherKey.ok());
        assertTrue(withOtherKey.message().contains("checkpoint signature does not verify"), withOtherKey.message());
    }

    @Test
    void interleavedChainsOfTwoInstancesVerify() {
        List<String> a = chain(5, 100);
        List<String> b = chain(5, 100);
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mixed.add(a.get(i));
            mixed.add(b.get(i));
        }
        AuditVerify.Result result = AuditVerify.verify(mixed, publicKey, 100);
        assertTrue(result.ok(), result.message());
        assertEquals(2, result.chains());
    }

    private void assertFailure(List<String> lines, String expected) {
        AuditVerify.Result result = AuditVerify.verify(lines, publicKey, 100);
        assertFalse(result.ok());
        assertTrue(result.message().contains(expected), result.message());
    }

    private List<String> chain(int events, int checkpointEvery) {
        AuditChain chain = new AuditChain(JSON, new CheckpointSigner(keys.getPrivate()), "test", checkpointEvery);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            AuditEvent event = new AuditEvent(Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), "rest", "read", "R",
                    AuditOutcome.SUCCESS, "subject-1", "patient", "patient-self-scheduling", "s-1", "Slot", "hmac:abc", null,
                    List.of(), 200, null, "test", "c-" + i, null, null);
            lines.add(chain.seal(event));
            if (chain.checkpointDue()) {
                lines.add(chain.checkpoint(Instant.parse("2026-11-22T10:00:00Z")));
            }
        }
        return lines;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
