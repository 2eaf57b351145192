package org.visitwise.scheduling;

import java.util.List;

/**
 * An open slot as offered to a patient.
 *
 * @param id           FHIR Slot id
 * @param time         when, in the practice's time zone
 * @param practitioner who
 * @param location     where
 * @param visitTypes   visit types the slot can be booked for
 */
public record SlotView(String id, LocalTimes time, Party practitioner, Party location, List<String> visitTypes) {
}
