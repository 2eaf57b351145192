package org.visitwise.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
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

    /**
     * A practitioner as the directory names them and says what they do.
     *
     * @param name     as shown ("Dr. Sam Chen")
     * @param given    given names
     * @param family   family name
     * @param suffixes name suffixes ("Jr.", "NP", "PA-C")
     * @param roles    codes and displays of their PractitionerRoles' code and specialty, and of their qualifications
     */
    public record PractitionerInfo(String id, String name, List<String> given, String family, List<String> suffixes,
            List<String> roles) {
    }

    /** A location: its name, other names, and street lines (what patients call it by). */
    public record LocationInfo(String id, String name, List<String> aliases, List<String> addressLines) {
    }

    /** One consistent read of the directory. */
    public record Snapshot(Instant loadedAt, Map<String, ScheduleInfo> schedules, String practiceName,
            String practicePhone, Map<String, PractitionerInfo> practitioners, Map<String, LocationInfo> locations) {

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
        Map<String, List<String>> roles = new HashMap<>();
        for (Resource r : resources(gateway.search(ctx, "PractitionerRole", Map.of("_count", List.of("200"))))) {
            PractitionerRole role = (PractitionerRole) r;
            String ref = role.getPractitioner().getReference();
            if (ref != null && ref.startsWith("Practitioner/") && role.getActive()) {
                List<String> terms = roles.computeIfAbsent(ref.substring("Practitioner/".length()), k -> new ArrayList<>());
                role.getCode().forEach(c -> terms.addAll(terms(c)));
                role.getSpecialty().forEach(c -> terms.addAll(terms(c)));
            }
        }
        Map<String, PractitionerInfo> practitioners = new HashMap<>();
        for (Resource r : resources(gateway.search(ctx, "Practitioner", Map.of("_count", List.of("200"))))) {
            PractitionerInfo info = practitioner((Practitioner) r, roles);
            practitioners.put(info.id(), info);
        }
        Map<String, LocationInfo> locations = new HashMap<>();
        String organizationRef = null;
        for (Resource r : resources(gateway.search(ctx, "Location", Map.of("_count", List.of("200"))))) {
            Location l = (Location) r;
            String id = l.getIdElement().getIdPart();
            locations.put(id, new LocationInfo(id, l.getName(), l.getAlias().stream().map(a -> a.getValue()).toList(),
                    l.getAddress().getLine().stream().map(line -> line.getValue()).filter(v -> v != null).toList()));
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
                    practitioner = new Party(id, practitioners.containsKey(id) ? practitioners.get(id).name() : null);
                } else if (ref != null && ref.startsWith("Location/")) {
                    String id = ref.substring("Location/".length());
                    location = new Party(id, locations.containsKey(id) ? locations.get(id).name() : null);
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
        return new Snapshot(clock.instant(), Map.copyOf(schedules), name, phone, Map.copyOf(practitioners),
                Map.copyOf(locations));
    }

    private static PractitionerInfo practitioner(Practitioner p, Map<String, List<String>> roles) {
        String id = p.getIdElement().getIdPart();
        HumanName name = p.getNameFirstRep();
        List<String> given = name.getGiven().stream().map(g -> g.getValue()).filter(g -> g != null).toList();
        List<String> suffixes = name.getSuffix().stream().map(g -> g.getValue()).filter(g -> g != null).toList();
        List<String> terms = new ArrayList<>(roles.getOrDefault(id, List.of()));
        p.getQualification().forEach(q -> terms.addAll(terms(q.getCode())));
        String display = name.hasText() ? name.getText()
                : (name.getPrefixAsSingleString() + " " + name.getGivenAsSingleString() + " " + orEmpty(name.getFamily())
                        + (suffixes.isEmpty() ? "" : ", " + String.join(" ", suffixes))).trim();
        return new PractitionerInfo(id, display, given, name.getFamily(), suffixes, List.copyOf(terms));
    }

    private static List<String> terms(CodeableConcept concept) {
        List<String> terms = new ArrayList<>();
        if (concept.hasText()) {
            terms.add(concept.getText());
        }
        concept.getCoding().forEach(c -> {
            if (c.hasCode()) {
                terms.add(c.getCode());
            }
            if (c.hasDisplay()) {
                terms.add(c.getDisplay());
            }
        });
        return terms;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<Resource> resources(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r != null).toList();
    }
}
