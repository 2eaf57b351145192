package org.visitwise.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.visitwise.support.Bookings;

import ca.uhn.fhir.context.FhirContext;

class SandboxStoreTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Monday; the 21 days cross the November DST change. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 26);

    private SandboxStore store;

    @BeforeEach
    void load() {
        store = new SandboxStore(FHIR, Clock.fixed(FIRST_DAY.atTime(8, 0).atZone(NEW_YORK).toInstant(), NEW_YORK));
        store.load(SandboxPractice.build(FIRST_DAY, NEW_YORK));
    }

    @Test
    void practiceHasTheDescribedShape() {
        assertEquals(1, store.count("Organization"));
        assertEquals(2, store.count("Location"));
        assertEquals(3, store.count("Practitioner"));
        assertEquals(3, store.count("PractitionerRole"));
        assertEquals(3, store.count("Schedule"));
        assertEquals(25, store.count("Patient"));
        assertEquals(15, store.count("Appointment"));
        assertEquals(3 * 15 * 16, store.count("Slot"), "3 practitioners x 15 weekdays x 16 half hours");
        List<Resource> cancelled = store.search("Appointment", Map.of("status", List.of("cancelled")));
        assertEquals(1, cancelled.size());
        assertFalse(store.search("Slot", Map.of("status", List.of("busy"))).isEmpty());
    }

    @Test
    void slotsAreWeekdaysNineToFiveLocalTimeWithTheirOffsetAcrossDst() {
        for (Resource r : store.search("Slot", Map.of("_count", List.of("1000")))) {
            Slot slot = (Slot) r;
            ZonedDateTime start = slot.getStart().toInstant().atZone(NEW_YORK);
            assertFalse(start.getDayOfWeek() == DayOfWeek.SATURDAY || start.getDayOfWeek() == DayOfWeek.SUNDAY);
            assertFalse(start.toLocalTime().isBefore(LocalTime.of(9, 0)));
            assertTrue(start.toLocalTime().isBefore(LocalTime.of(17, 0)));
            String offset = slot.getStartElement().getValueAsString().substring(19);
            assertEquals(start.getOffset().getId(), offset, "stored with the local offset");
        }
        Slot beforeDst = (Slot) store.read("Slot", "slot-prac-001-20261030-0900");
        Slot afterDst = (Slot) store.read("Slot", "slot-prac-001-20261102-0900");
        assertTrue(beforeDst.getStartElement().getValueAsString().endsWith("-04:00"));
        assertTrue(afterDst.getStartElement().getValueAsString().endsWith("-05:00"));
    }

    @Test
    void dateSearchHonoursGeAndLt() {
        List<Resource> oneDay = store.search("Slot", Map.of("schedule", List.of("Schedule/sched-prac-001"),
                "start", List.of("ge2026-10-27T00:00:00-04:00", "lt2026-10-28T00:00:00-04:00")));
        assertEquals(16, oneDay.size());
    }

    @Test
    void unsupportedSearchParameterIsA400() {
        FhirError e = assertThrows(FhirError.class, () -> store.search("Slot", Map.of("end", List.of("ge2026-10-27"))));
        assertEquals(400, e.status());
        assertEquals(400, assertThrows(FhirError.class,
                () -> store.search("Appointment", Map.of("status:not", List.of("booked")))).status());
    }

    @Test
    void updateWithStaleIfMatchIsA412AndChangesNothing() {
        Slot slot = (Slot) store.read("Slot", "slot-prac-001-20261027-1000");
        store.update("Slot", slot.getIdElement().getIdPart(), slot.copy().setComment("first"), "W/\"1\"");
        FhirError e = assertThrows(FhirError.class, () -> store.update("Slot", slot.getIdElement().getIdPart(),
                slot.copy().setComment("second"), "W/\"1\""));
        assertEquals(412, e.status());
        Slot now = (Slot) store.read("Slot", slot.getIdElement().getIdPart());
        assertEquals("2", now.getMeta().getVersionId());
        assertEquals("first", now.getComment());
    }

    @Test
    void bookingTransactionIsAllOrNothing() {
        Slot slot = firstFreeSlot();
        String slotId = slot.getIdElement().getIdPart();
        store.update("Slot", slotId, slot.copy(), "W/\"1\""); // someone else changed it: version 2

        FhirError e = assertThrows(FhirError.class, () -> store.transaction(Bookings.transaction(slot, "pat-020", "W/\"1\"")));
        assertEquals(412, e.status());
        assertEquals(15, store.count("Appointment"), "the Appointment of a failed transaction is not created");
        assertEquals(Slot.SlotStatus.FREE, ((Slot) store.read("Slot", slotId)).getStatus());

        Bundle response = store.transaction(Bookings.transaction(slot, "pat-020", "W/\"2\""));
        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, response.getType());
        assertEquals("201 Created", response.getEntry().get(0).getResponse().getStatus());
        assertEquals(16, store.count("Appointment"));
        assertEquals(Slot.SlotStatus.BUSY, ((Slot) store.read("Slot", slotId)).getStatus());
        Appointment created = (Appointment) store.read("Appointment",
                response.getEntry().get(0).getResource().getIdElement().getIdPart());
        assertEquals("Slot/" + slotId, created.getSlotFirstRep().getReference());
    }

    @Test
    void unknownResourceTypeIsA404() {
        assertEquals(404, assertThrows(FhirError.class, () -> store.search("Observation", Map.of())).status());
    }

    private Slot firstFreeSlot() {
        return (Slot) store.search("Slot", Map.of("status", List.of("free"))).get(0);
    }
}
