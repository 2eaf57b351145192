package org.visitwise.agent.understanding;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the assistant understood of the patient's last request, as data: what they asked for, with
 * whom, where, for which kind of visit, on which days and at which time of day, and in which language.
 * Directory ids and codes only, no PHI, so that a page can show it as chips to correct and tests can
 * check it.
 *
 * @param intent         what was asked for
 * @param practitionerId FHIR Practitioner id, when one was named or described
 * @param locationId     FHIR Location id, when one was named
 * @param visitType      one of the configured visit types, when one was said
 * @param from           first day asked for (the practice's calendar), for a reschedule the day to move to
 * @param to             last day asked for, inclusive
 * @param time           time of day asked for
 * @param language       language the message was read in, and the reply is written in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Understood(Intent intent, String practitionerId, String locationId, String visitType, LocalDate from,
        LocalDate to, TimeOfDay time, String language) {

    /** Only an intent and a language. */
    public static Understood of(Intent intent, String language) {
        return new Understood(intent, null, null, null, null, null, null, language);
    }

    /** True when the message said with whom, where, what kind of visit, or when. */
    public boolean hasDetails() {
        return practitionerId != null || locationId != null || visitType != null || from != null || time != null;
    }

    public Understood withIntent(Intent other) {
        return new Understood(other, practitionerId, locationId, visitType, from, to, time, language);
    }
}
