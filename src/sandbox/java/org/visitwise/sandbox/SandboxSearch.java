package org.visitwise.sandbox;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * The search parameters the sandbox understands, per resource type, and how they match. Values of
 * one parameter separated by commas are ORed; repeated parameters are ANDed. Anything else,
 * including modifiers, is refused with 400 rather than silently ignored.
 */
final class SandboxSearch {

    /** Result parameters, handled by the server rather than matched. */
    static final Set<String> RESULT_PARAMETERS = Set.of("_count", "_elements");

    static final Map<String, Set<String>> SUPPORTED = Map.of(
            "Slot", Set.of("_id", "schedule", "status", "start", "service-type"),
            "Schedule", Set.of("_id", "actor", "active", "service-type"),
            "Appointment", Set.of("_id", "patient", "actor", "practitioner", "location", "date", "status", "slot",
                    "identifier"),
            "Practitioner", Set.of("_id"),
            "PractitionerRole", Set.of("_id", "practitioner", "location"),
            "Location", Set.of("_id"),
            "Organization", Set.of("_id"),
            "Patient", Set.of("_id"),
            "AuditEvent", Set.of("_id"));

    private SandboxSearch() {
    }

    static boolean supportsType(String type) {
        return SUPPORTED.containsKey(type);
    }

    /** Matching resources, in the server's order (by start for Slot and Appointment, else by id). */
    static List<Resource> search(String type, Stream<Resource> all, Map<String, List<String>> params) {
        Predicate<Resource> filter = r -> true;
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (RESULT_PARAMETERS.contains(name)) {
                continue;
            }
            if (!SUPPORTED.get(type).contains(name)) {
                throw FhirError.badRequest("Unsupported search parameter for " + type + ": " + name);
            }
            for (String value : param.getValue()) {
                List<String> anyOf = Arrays.asList(value.split(","));
                filter = filter.and(r -> anyOf.stream().anyMatch(v -> matches(type, name, v, r)));
            }
        }
        return all.filter(filter).sorted(order(type)).toList();
    }

    private static Comparator<Resource> order(String type) {
        Comparator<Resource> byId = Comparator.comparing(r -> r.getIdElement().getIdPart());
        return switch (type) {
            case "Slot" -> Comparator.<Resource, Date>comparing(r -> ((Slot) r).getStart()).thenComparing(byId);
            case "Appointment" -> Comparator.<Resource, Date>comparing(r -> ((Appointment) r).getStart(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byId);
            default -> byId;
        };
    }

    private static boolean matches(String type, String name, String value, Resource r) {
        if (name.equals("_id")) {
            return r.getIdElement().getIdPart().equals(value);
        }
        return switch (type + "." + name) {
            case "Slot.schedule" -> references(value, "Schedule", ((Slot) r).getSchedule());
            case "Slot.status" -> ((Slot) r).getStatus().toCode().equals(value);
            case "Slot.start" -> DateMatch.matches(value, ((Slot) r).getStart());
            case "Slot.service-type" -> codes(value, ((Slot) r).getServiceType());
            case "Schedule.actor" -> ((Schedule) r).getActor().stream().anyMatch(a -> references(value, null, a));
            case "Schedule.active" -> String.valueOf(((Schedule) r).getActive()).equals(value);
            case "Schedule.service-type" -> codes(value, ((Schedule) r).getServiceType());
            case "Appointment.patient" -> participant((Appointment) r, value, "Patient");
            case "Appointment.practitioner" -> participant((Appointment) r, value, "Practitioner");
            case "Appointment.location" -> participant((Appointment) r, value, "Location");
            case "Appointment.actor" -> participant((Appointment) r, value, null);
            case "Appointment.date" -> DateMatch.matches(value, ((Appointment) r).getStart());
            case "Appointment.status" -> ((Appointment) r).getStatus() != null
                    && ((Appointment) r).getStatus().toCode().equals(value);
            case "Appointment.slot" -> ((Appointment) r).getSlot().stream().anyMatch(s -> references(value, "Slot", s));
            case "Appointment.identifier" -> identifier(value, ((Appointment) r).getIdentifier());
            case "PractitionerRole.practitioner" -> references(value, "Practitioner",
                    ((PractitionerRole) r).getPractitioner());
            case "PractitionerRole.location" -> ((PractitionerRole) r).getLocation().stream()
                    .anyMatch(l -> references(value, "Location", l));
            default -> throw FhirError.badRequest("Unsupported search parameter for " + type + ": " + name);
        };
    }

    private static boolean participant(Appointment appointment, String value, String type) {
        return appointment.getParticipant().stream().anyMatch(p -> references(value, type, p.getActor()));
    }

    /** {@code value} is {@code Type/id} or a bare id of the expected type. */
    private static boolean references(String value, String expectedType, Reference reference) {
        String ref = reference.getReference();
        if (ref == null) {
            return false;
        }
        if (value.contains("/")) {
            return ref.equals(value);
        }
        return expectedType != null && ref.equals(expectedType + "/" + value);
    }

    private static boolean codes(String value, List<CodeableConcept> concepts) {
        int bar = value.indexOf('|');
        String system = bar < 0 ? null : value.substring(0, bar);
        String code = bar < 0 ? value : value.substring(bar + 1);
        return concepts.stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> code.equals(c.getCode()) && (system == null || system.equals(c.getSystem())));
    }

    private static boolean identifier(String value, List<Identifier> identifiers) {
        int bar = value.indexOf('|');
        String system = bar < 0 ? null : value.substring(0, bar);
        String id = bar < 0 ? value : value.substring(bar + 1);
        return identifiers.stream()
                .anyMatch(i -> id.equals(i.getValue()) && (system == null || system.equals(i.getSystem())));
    }

    /** FHIR date search: prefix (eq, lt, le, gt, ge) and a value whose precision sets a range. */
    static final class DateMatch {

        private DateMatch() {
        }

        static boolean matches(String value, Date actual) {
            if (actual == null) {
                return false;
            }
            String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
            String text = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(2) : value;
            DateTimeType date;
            try {
                date = new DateTimeType(text);
            } catch (RuntimeException e) {
                throw FhirError.badRequest("Invalid date search value");
            }
            long lower = date.getValue().getTime();
            long upper = upperBound(date);
            long t = actual.getTime();
            return switch (prefix) {
                case "eq" -> t >= lower && t < upper;
                case "lt" -> t < lower;
                case "le" -> t < upper;
                case "gt" -> t >= upper;
                case "ge" -> t >= lower;
                default -> throw FhirError.badRequest("Unsupported date prefix: " + prefix);
            };
        }

        private static long upperBound(DateTimeType date) {
            DateTimeType copy = date.copy();
            switch (date.getPrecision()) {
                case YEAR -> copy.add(java.util.Calendar.YEAR, 1);
                case MONTH -> copy.add(java.util.Calendar.MONTH, 1);
                case DAY -> copy.add(java.util.Calendar.DATE, 1);
                case MINUTE -> copy.add(java.util.Calendar.MINUTE, 1);
                case SECOND -> copy.add(java.util.Calendar.SECOND, 1);
                default -> copy.add(java.util.Calendar.MILLISECOND, 1);
            }
            return copy.getValue().getTime();
        }
    }
}
