package org.visitwise.scheduling;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduling rules ({@code visitwise.scheduling.*}). */
@ConfigMapping(prefix = "visitwise.scheduling")
public interface SchedulingConfig {

    /** The practice's time zone: what "Monday 9:00" means, and how times are shown. */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** At most this many open slots are offered at a time. */
    @WithDefault("5")
    int pageSize();

    /** No online cancellation or rescheduling closer than this to the start. */
    @WithDefault("PT24H")
    Duration cancellationWindow();

    /** A hold is released after this long if the patient neither books nor releases it. */
    @WithDefault("PT10M")
    Duration holdMaxAge();

    /** How often expired holds are looked for. */
    @WithDefault("30s")
    String holdSweepInterval();

    /**
     * How far from today, either way, a slot search may name a day: a search beyond it is refused
     * before the EHR is asked (a year-9999 date is not a question for the EHR).
     */
    @WithDefault("366")
    int horizonDays();

    /** Days searched when a slot search gives no end date. */
    @WithDefault("21")
    int searchDays();

    /** Code system of the visit types (FHIR Slot/Appointment {@code serviceType}). */
    @WithDefault("https://visitwise.org/fhir/CodeSystem/visit-type")
    String visitTypeSystem();

    /** The visit types patients may choose from: a fixed list, never free text. */
    @WithDefault("new-patient,follow-up,annual-physical")
    List<String> visitTypes();

    /** How long the practice directory (schedules, practitioners, locations) is kept before a reload. */
    @WithDefault("PT10M")
    Duration directoryRefresh();
}
