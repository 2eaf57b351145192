package org.visitwise.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Time is an input: rules take it from the injected {@code Clock}, tests from {@link TestClock}. This
 * tripwire reads the sources and fails on any other read of the wall clock or the machine's time zone,
 * but for the few places that must use the system clock, each with its reason.
 */
class WallClockTripwireTest {

    private static final Pattern WALL_CLOCK = Pattern.compile(
            "\\b(?:Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\(\\s*\\)"
                    + "|System\\.currentTimeMillis\\(\\)|new Date\\(\\)|ZoneId\\.systemDefault\\(\\)|TimeZone\\.getDefault\\(\\)"
                    + "|Clock\\.system(?:UTC|DefaultZone)?\\(");

    /** File → how many wall-clock reads it may hold, and why. */
    private static final Map<String, Integer> ALLOWED = Map.of(
            // production's one clock
            "src/main/java/org/visitwise/scheduling/ClockProducer.java", 1,
            // the test clock starts at the real time unless visitwise.test.now says otherwise
            "src/test/java/org/visitwise/support/TestClock.java", 1,
            // certificates and tokens are checked by TLS, OIDC and JWT libraries against the system clock
            "src/sandbox/java/org/visitwise/sandbox/SandboxPki.java", 1,
            "src/sandbox/java/org/visitwise/sandbox/SandboxTokens.java", 2,
            "src/test/java/org/visitwise/security/ServiceAccountVerifierTest.java", 2,
            // a one-time password is checked by the real Keycloak server against its clock
            "src/test/java/org/visitwise/security/KeycloakIdentityTest.java", 1);

    @Test
    void onlyTheClocksAndSecurityLifetimesReadTheWallClock() {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/sandbox/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.endsWith("WallClockTripwireTest.java")) // its own examples
                        .forEach(f -> {
                    long reads = WALL_CLOCK.matcher(read(f)).results().count();
                    String name = f.toString().replace('\\', '/');
                    if (reads != ALLOWED.getOrDefault(name, 0)) {
                        found.add(name + ": " + reads + " wall-clock read(s), " + ALLOWED.getOrDefault(name, 0) + " allowed");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(List.of(), found, "take time from the injected Clock (tests: TestClock)");
    }

    @Test
    void theTripwireSeesEveryFormItLooksFor() {
        for (String read : List.of("Instant.now()", "LocalDate.now()", "ZonedDateTime.now( )", "Year.now()",
                "System.currentTimeMillis()", "new Date()", "ZoneId.systemDefault()", "Clock.systemUTC()",
                "Clock.systemDefaultZone()", "TimeZone.getDefault()")) {
            assertTrue(WALL_CLOCK.matcher("x = " + read + ";").find(), read);
        }
        for (String fine : List.of("LocalDate.now(clock)", "Instant.now(clock)", "TestClock.now()", "clock.instant()")) {
            assertTrue(WALL_CLOCK.matcher("x = " + fine + ";").results().count() == 0, fine);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
