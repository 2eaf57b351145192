package org.visitwise.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tamper-evident chain of one instance's audit events: each line carries its chain id, a
 * sequence number, the hash of the line before ({@code prev}) and its own SHA-256 {@code hash} over
 * everything before that field. Every {@code checkpointEvery} events (and on demand) a checkpoint line
 * signs the chain's head. Not thread-safe: {@link AuditLog} seals and writes under one lock.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private final ObjectMapper json;
    private final CheckpointSigner signer;
    private final String source;
    private final String chainId;
    private final int checkpointEvery;
    private long seq;
    private String prev = GENESIS;
    private long sinceCheckpoint;

    AuditChain(ObjectMapper json, CheckpointSigner signer, String source, int checkpointEvery) {
        this.json = json;
        this.signer = signer;
        this.source = source;
        this.checkpointEvery = checkpointEvery;
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        this.chainId = HexFormat.of().formatHex(id);
    }

    String chainId() {
        return chainId;
    }

    /** Sequence number of the last line sealed. */
    long seq() {
        return seq;
    }

    /** The event as its sealed JSON line. */
    String seal(AuditEvent event) {
        sinceCheckpoint++;
        return seal((ObjectNode) json.valueToTree(event));
    }

    boolean checkpointDue() {
        return sinceCheckpoint >= checkpointEvery;
    }

    boolean eventsSinceCheckpoint() {
        return sinceCheckpoint > 0;
    }

    /** A signed checkpoint over the chain's head, as its sealed JSON line. */
    String checkpoint(Instant now) {
        ObjectNode node = json.createObjectNode();
        node.put("recorded", now.toString());
        node.put("type", "audit");
        node.put("subtype", "checkpoint");
        node.put("action", "E");
        node.put("outcome", "0");
        node.put("source", source);
        node.put("signature", signer.sign(chainId, seq + 1, prev));
        sinceCheckpoint = 0;
        return seal(node);
    }

    private String seal(ObjectNode node) {
        node.put("chain", chainId);
        node.put("seq", ++seq);
        node.put("prev", prev);
        String body;
        try {
            body = json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event not serialisable", e);
        }
        String hash = sha256(body);
        prev = hash;
        return body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
