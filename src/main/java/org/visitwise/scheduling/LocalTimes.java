package org.visitwise.scheduling;

/**
 * When something happens, as the practice's clock shows it.
 *
 * @param start     start with the practice's UTC offset, e.g. {@code 2026-11-23T09:00:00-05:00}
 * @param end       end, likewise
 * @param localDate the practice's calendar date
 * @param localTime wall-clock time at the practice, {@code HH:mm}
 * @param dayOfWeek e.g. {@code Monday}
 * @param timeZone  the practice's time zone id
 */
public record LocalTimes(String start, String end, String localDate, String localTime, String dayOfWeek, String timeZone) {
}
