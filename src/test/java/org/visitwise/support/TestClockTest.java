package org.visitwise.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void aLocalDateTimeIsReadOnThePracticesWallClock() {
        assertEquals(Instant.parse("2026-12-04T21:30:00Z"), TestClock.start("2026-12-04T16:30"));
        assertEquals(Instant.parse("2027-01-01T04:50:00Z"), TestClock.start("2026-12-31T23:50"));
    }

    @Test
    void theAmbiguousAutumnHourIsTheFirstUnlessAnOffsetSaysOtherwise() {
        assertEquals(Instant.parse("2027-11-07T05:30:00Z"), TestClock.start("2027-11-07T01:30"));
        assertEquals(Instant.parse("2027-11-07T06:30:00Z"), TestClock.start("2027-11-07T01:30-05:00[America/New_York]"));
    }

    @Test
    void aTimeInTheSpringGapMovesPastIt() {
        assertEquals(Instant.parse("2027-03-14T07:30:00Z"), TestClock.start("2027-03-14T02:30"));
    }

    @Test
    void somethingElseIsRefusedWithTheExpectedForm() {
        assertThrows(IllegalArgumentException.class, () -> TestClock.start("next friday"));
    }
}
