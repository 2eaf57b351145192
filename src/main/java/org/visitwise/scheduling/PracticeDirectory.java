package org.visitwise.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.visitwise.ehr.EhrGateway;

/**
 * The practice's directory: schedules with their practitioner and location, and the practice's
 * name and phone. Directory data only, no patient data; read under the agent's own purpose and kept
 * for {@code visitwise.scheduling.directory-refresh}.
 */
@ApplicationScoped
public class PracticeDirectory {

    /** A bookable schedule: whose and where. */
    public record ScheduleInfo(String scheduleId, Party practitioner, Party location) {
    }

    /** One consistent read of the directory. */
    public record Snapshot(Instant loadedAt, Map<String, ScheduleInfo> schedules, String practiceName,
            String practicePhone) {

        public Optional<ScheduleInfo> schedule(String scheduleId) {
            return Optional.ofNullable(schedules.get(scheduleId));
        }

        public Optional<ScheduleInfo> scheduleOfPractitioner(String practitionerId) {
            return schedules.values().stream()
                    .filter(s -> s.practitioner() != null && s.practitioner().id().equals(practitionerId)).findFirst();
        }

        public Party practitioner(String id) {
            return schedules.values().stream().map(ScheduleInfo::practitioner)
                    .filter(p -> p != null && p.id().equals(id)).findFirst().orElse(new Party(id, null));
        }

        public Party location(String id) {
            return schedules.values().stream().map(ScheduleInfo::location)
                    .filter(l -> l != null && l.id().equals(id)).findFirst().orElse(new Party(id, null));
        }
    }

    private final EhrGateway gateway;
    private final SchedulingConfig config;
    private final Clock clock;
    private volatile Snapshot snapshot;

    PracticeDirectory(EhrGateway gateway, SchedulingConfig config, Clock clock) {
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
    }

    public Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(config.directoryRefresh()).isBefore(clock.instant())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.loadedAt().plus(config.directoryRefresh()).isBefore(clock.instant())) {
                    s = load();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot load() {
        var ctx = gateway.agentContext();
        Map<String, String> practitionerNames = new HashMap<>();
        for (Resource r : resources(gateway.search(ctx, "Practitioner", Map.of("_count", List.of("200"))))) {
            Practitioner p = (Practitioner) r;
            var name = p.getNameFirstRep();
            practitionerNames.put(p.getIdElement().getIdPart(),
                    (name.getPrefixAsSingleString() + " " + name.getGivenAsSingleString() + " " + name.getFamily()).trim());
        }
        Map<String, String> locationNames = new HashMap<>();
        String organizationRef = null;
        for (Resource r : resources(gateway.search(ctx, "Location", Map.of("_count", List.of("200"))))) {
            Location l = (Location) r;
            locationNames.put(l.getIdElement().getIdPart(), l.getName());
            if (organizationRef == null && l.getManagingOrganization().getReference() != null) {
                organizationRef = l.getManagingOrganization().getReference();
            }
        }
        Map<String, ScheduleInfo> schedules = new HashMap<>();
        for (Resource r : resources(gateway.search(ctx, "Schedule", Map.of("active", List.of("true"),
                "_count", List.of("200"))))) {
            Schedule s = (Schedule) r;
            Party practitioner = null;
            Party location = null;
            for (Reference actor : s.getActor()) {
                String ref = actor.getReference();
                if (ref != null && ref.startsWith("Practitioner/")) {
                    String id = ref.substring("Practitioner/".length());
                    practitioner = new Party(id, practitionerNames.get(id));
                } else if (ref != null && ref.startsWith("Location/")) {
                    String id = ref.substring("Location/".length());
                    location = new Party(id, locationNames.get(id));
                }
            }
            schedules.put(s.getIdElement().getIdPart(), new ScheduleInfo(s.getIdElement().getIdPart(), practitioner, location));
        }
        String name = null;
        String phone = null;
        if (organizationRef != null && organizationRef.startsWith("Organization/")) {
            Organization org = gateway.read(ctx, Organization.class, organizationRef.substring("Organization/".length()));
            name = org.getName();
            phone = org.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                    .map(ContactPoint::getValue).findFirst().orElse(null);
        }
        return new Snapshot(clock.instant(), Map.copyOf(schedules), name, phone);
    }

    private static List<Resource> resources(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).toList();
    }
}
