package org.visitwise.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Verifies a file of audit lines (one or more instances' chains, interleaved or not) and reports the
 * first altered, removed, reordered or inserted line, and any checkpoint whose signature does not verify.
 *
 * <pre>
 * java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' org.visitwise.audit.AuditVerify audit.jsonl \
 *      [--key checkpoint-public.pem [--checkpoint-every 1000]]
 * </pre>
 *
 * Without the key the hashes only show accidental damage and naive edits: whoever rewrites a line can
 * recompute every hash after it. With the key every checkpoint's signature is checked, and a chain may
 * not run longer than {@code --checkpoint-every} events without one (so dropping checkpoints to rewrite
 * what they covered is found); only the events after a chain's last checkpoint are not yet covered by a
 * signature, and the report says how many. Exit status 0 when every line verifies, 1 at the first
 * failure, 2 on bad usage.
 */
public final class AuditVerify {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";

    /** What the verification found. */
    public record Result(boolean ok, int events, int chains, int checkpoints, String message) {
    }

    private record Head(long seq, String hash, long signedUpTo, int unsigned) {
    }

    private AuditVerify() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        boolean withKey = args.length >= 3 && args[1].equals("--key");
        boolean withEvery = args.length == 5 && args[3].equals("--checkpoint-every") && args[4].matches("\\d{1,7}");
        if (args.length != 1 && !(args.length == 3 && withKey) && !(withKey && withEvery)) {
            out.println("usage: AuditVerify <audit.jsonl> [--key <checkpoint-public.pem> [--checkpoint-every <n>]]");
            return 2;
        }
        int every = withEvery ? Integer.parseInt(args[4]) : 1000;
        Optional<PublicKey> key = Optional.empty();
        if (withKey) {
            try {
                key = Optional.of(CheckpointSigner.publicKey(Path.of(args[2])));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                out.println("not an Ed25519 public key (X.509 PEM): " + args[2]);
                return 2;
            }
        }
        Result result = verify(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8), key, every);
        out.println(result.message());
        return result.ok() ? 0 : 1;
    }

    /** Verifies the lines in order; stops at the first failure. With a key, a checkpoint at least every {@code every} events. */
    public static Result verify(List<String> lines, Optional<PublicKey> key, int every) {
        Map<String, Head> heads = new HashMap<>();
        int events = 0;
        int checkpoints = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            int at = line.lastIndexOf(HASH_FIELD);
            if (at < 0 || !line.endsWith("\"}")) {
                return fail(events, heads, checkpoints, "line " + number + ": not a sealed audit line (inserted or damaged)");
            }
            String body = line.substring(0, at) + "}";
            String hash = line.substring(at + HASH_FIELD.length(), line.length() - 2);
            if (!AuditChain.sha256(body).equals(hash)) {
                return fail(events, heads, checkpoints, "line " + number + ": altered (its hash does not match its content)");
            }
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (IOException e) {
                return fail(events, heads, checkpoints, "line " + number + ": not JSON");
            }
            String chain = node.path("chain").asText(null);
            long seq = node.path("seq").asLong(-1);
            String prev = node.path("prev").asText(null);
            if (chain == null || seq < 1 || prev == null) {
                return fail(events, heads, checkpoints, "line " + number + ": no chain position");
            }
            Head head = heads.get(chain);
            long expected = head == null ? 1 : head.seq() + 1;
            String expectedPrev = head == null ? AuditChain.GENESIS : head.hash();
            if (seq > expected) {
                return fail(events, heads, checkpoints, "line " + number + ": chain " + chain + " jumps from event " + (expected - 1)
                        + " to " + seq + ": " + (seq - expected) + " event(s) removed before it");
            }
            if (seq < expected) {
                return fail(events, heads, checkpoints, "line " + number + ": chain " + chain + " event " + seq
                        + " comes after event " + (expected - 1) + ": reordered or repeated");
            }
            if (!prev.equals(expectedPrev)) {
                return fail(events, heads, checkpoints, "line " + number + ": chain " + chain + " event " + seq
                        + " does not follow the line before it (replaced or reordered)");
            }
            long signedUpTo = head == null ? 0 : head.signedUpTo();
            int unsigned = head == null ? 0 : head.unsigned();
            if ("checkpoint".equals(node.path("subtype").asText()) && "audit".equals(node.path("type").asText())) {
                if (key.isPresent() && !CheckpointSigner.verify(key.get(), chain, seq, prev, node.path("signature").asText(""))) {
                    return fail(events, heads, checkpoints, "line " + number + ": checkpoint signature does not verify");
                }
                checkpoints++;
                signedUpTo = seq;
                unsigned = 0;
            } else {
                if (key.isPresent() && unsigned >= every) {
                    return fail(events, heads, checkpoints, "line " + number + ": chain " + chain + " has run " + unsigned
                            + " events without a signed checkpoint (at most " + every + "): checkpoints removed?");
                }
                events++;
                unsigned++;
            }
            heads.put(chain, new Head(seq, hash, signedUpTo, unsigned));
        }
        return new Result(true, events, heads.size(), checkpoints, "OK: " + events + " events and " + checkpoints
                + " checkpoints in " + heads.size() + " chain(s)" + (key.isPresent() ? ", checkpoint signatures verified"
                        : " (no key: checkpoint signatures not checked)")
                + summary(heads));
    }

    private static Result fail(int events, Map<String, Head> heads, int checkpoints, String message) {
        return new Result(false, events, heads.size(), checkpoints, "FAILED " + message);
    }

    private static String summary(Map<String, Head> heads) {
        StringBuilder s = new StringBuilder();
        heads.forEach((chain, head) -> s.append("\n  chain ").append(chain).append(": ").append(head.seq())
                .append(" lines, signed up to line ").append(head.signedUpTo()).append(", ").append(head.unsigned())
                .append(" event(s) after the last checkpoint, head ").append(head.hash()));
        return s.toString();
    }
}
