package org.visitwise.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The breach-support report over an audit file (the SIEM's copy, complete), as JSON on stdout:
 *
 * <pre>
 * java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' org.visitwise.audit.BreachReportCli audit.jsonl \
 *      --from 2026-11-22T00:00:00Z --to 2026-11-23T00:00:00Z --actor &lt;subject&gt;   (or --client hmac:…)
 * </pre>
 *
 * Verify the file first ({@link AuditVerify}): the report trusts what it reads.
 */
public final class BreachReportCli {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private BreachReportCli() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length < 7 || args.length % 2 == 0 || !options.containsKey("--from") || !options.containsKey("--to")
                || options.containsKey("--actor") == options.containsKey("--client")) {
            out.println("usage: BreachReportCli <audit.jsonl> --from <instant> --to <instant> (--actor <subject> | --client <hmac:…>)");
            return 2;
        }
        try (Stream<String> lines = Files.lines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Stream<AuditEvent> events = lines.filter(l -> !l.isBlank() && !l.contains("\"subtype\":\"checkpoint\""))
                    .map(BreachReportCli::parse);
            out.println(JSON.writeValueAsString(BreachReport.of(events, Instant.parse(options.get("--from")),
                    Instant.parse(options.get("--to")), options.get("--actor"), options.get("--client"))));
        }
        return 0;
    }

    private static AuditEvent parse(String line) {
        try {
            return JSON.readValue(line, AuditEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an audit line", e);
        }
    }
}
