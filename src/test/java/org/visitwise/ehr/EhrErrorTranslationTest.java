package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EhrErrorTranslationTest {

    private static final FhirRequest SEARCH = FhirRequest.search("Appointment",
            Map.of("patient", List.of("Patient/pat-001")));

    @Test
    void conflictAnswersOfBothKindsMeanTheRaceWasLost() {
        assertInstanceOf(EhrVersionConflictException.class, EhrGateway.toException(SEARCH, 412));
        assertInstanceOf(EhrVersionConflictException.class, EhrGateway.toException(SEARCH, 409),
                "HAPI FHIR answers a stale If-Match with 409");
    }

    @Test
    void otherStatusesAreTranslatedByKind() {
        assertInstanceOf(EhrNotFoundException.class, EhrGateway.toException(SEARCH, 404));
        assertInstanceOf(EhrNotFoundException.class, EhrGateway.toException(SEARCH, 410));
        assertInstanceOf(EhrRejectedException.class, EhrGateway.toException(SEARCH, 400));
        assertInstanceOf(EhrRejectedException.class, EhrGateway.toException(SEARCH, 403));
        assertInstanceOf(EhrUnavailableException.class, EhrGateway.toException(SEARCH, 503));
    }

    @Test
    void messagesCarryNoSearchValues() {
        for (int status : new int[] { 400, 404, 409, 412, 500 }) {
            EhrException e = EhrGateway.toException(SEARCH, status);
            assertEquals(-1, e.getMessage().indexOf("pat-001"), e.getMessage());
        }
    }
}
