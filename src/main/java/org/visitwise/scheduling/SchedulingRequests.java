package org.visitwise.scheduling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.visitwise.ehr.FhirRequest;

/** Request bodies of the scheduling API: structured fields only, no free text. */
public final class SchedulingRequests {

    static final String ID = FhirRequest.ID_REGEX;
    static final String CODE = "[a-z0-9\\-]{1,40}";

    private SchedulingRequests() {
    }

    /** {@code POST /api/v1/holds} */
    public record HoldRequest(@NotBlank @Pattern(regexp = ID) String slotId,
            @NotBlank @Pattern(regexp = CODE) String visitType) {
    }

    /** {@code POST /api/v1/appointments}: either a hold, or a slot and a visit type. */
    public record BookingRequest(@Pattern(regexp = "h-[A-Za-z0-9_\\-]{10,40}") String holdId,
            @Pattern(regexp = ID) String slotId, @Pattern(regexp = CODE) String visitType) {
    }

    /** {@code POST /api/v1/appointments/{id}/reschedule} */
    public record RescheduleRequest(@NotBlank @Pattern(regexp = ID) String slotId) {
    }

    /** Client-chosen key that makes a booking request safe to retry. */
    public static final String IDEMPOTENCY_KEY = "[A-Za-z0-9_\\-]{8,64}";
}
