package org.visitwise.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the application under test logged, as written to the files the {@code %test} profile
 * configures: the application log and the audit stream (one JSON line per event).
 */
public final class LogFiles {

    public static final Path APPLICATION_LOG = Path.of("target/test-logs/application.log");
    public static final Path AUDIT_LOG = Path.of("target/test-logs/audit.jsonl");

    private LogFiles() {
    }

    public static List<String> auditLines() {
        return lines(AUDIT_LOG);
    }

    /** Audit lines written after the first {@code skip} lines. */
    public static List<String> auditLinesAfter(int skip) {
        List<String> all = auditLines();
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    public static String applicationLog() {
        return String.join("\n", lines(APPLICATION_LOG));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
