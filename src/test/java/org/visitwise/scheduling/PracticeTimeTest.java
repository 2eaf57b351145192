package org.visitwise.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

class PracticeTimeTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void nineOClockStaysNineOClockAcrossTheNovemberChange() {
        var before = Views.localTimes(Instant.parse("2026-10-30T13:00:00Z"), null, NEW_YORK);
        var after = Views.localTimes(Instant.parse("2026-11-02T14:00:00Z"), null, NEW_YORK);
        assertEquals("09:00", before.localTime());
        assertEquals("09:00", after.localTime());
        assertEquals("2026-10-30T09:00:00-04:00", before.start());
        assertEquals("2026-11-02T09:00:00-05:00", after.start());
        assertEquals("Monday", after.dayOfWeek());
        assertEquals("America/New_York", after.timeZone());
    }

    @Test
    void nineOClockStaysNineOClockAcrossTheMarchChange() {
        var before = Views.localTimes(Instant.parse("2027-03-12T14:00:00Z"), Instant.parse("2027-03-12T14:30:00Z"), NEW_YORK);
        var after = Views.localTimes(Instant.parse("2027-03-15T13:00:00Z"), null, NEW_YORK);
        assertEquals("09:00", before.localTime());
        assertEquals("2027-03-12T09:30:00-05:00", before.end());
        assertEquals("09:00", after.localTime());
        assertEquals("2027-03-15T09:00:00-04:00", after.start());
    }

    @Test
    void partOfDayIsJudgedOnTheLocalClock() {
        assertTrue(PartOfDay.MORNING.contains(LocalTime.of(11, 30)));
        assertFalse(PartOfDay.MORNING.contains(LocalTime.NOON));
        assertTrue(PartOfDay.AFTERNOON.contains(LocalTime.NOON));
        assertFalse(PartOfDay.AFTERNOON.contains(LocalTime.of(9, 0)));
    }

    @Test
    void transactionAnswersGiveIdsAndVersionsFromLocationOrEtag() {
        Bundle response = new Bundle();
        response.addEntry().getResponse().setLocation("Appointment/appt-n7/_history/1").setEtag("W/\"1\"");
        response.addEntry().getResponse().setLocation("https://ehr.example/fhir/Slot/s-9/_history/4");
        assertEquals("appt-n7", FhirTransaction.id(response, 0));
        assertEquals("1", FhirTransaction.version(response, 0));
        assertEquals("s-9", FhirTransaction.id(response, 1));
        assertEquals("4", FhirTransaction.version(response, 1));
    }
}
