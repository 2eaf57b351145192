package org.visitwise.sandbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/**
 * The synthetic practice the sandbox EHR starts with. Deterministic for a given first day and time
 * zone: 1 Organization, 2 Locations, 3 Practitioners with PractitionerRoles (two in family practice, one
 * in pediatrics) and a Schedule each,
 * 30-minute Slots on weekdays 09:00-17:00 for 21 days from {@code firstDay}, some busy, 25 Patients
 * whose every identifying detail is obviously fake, and 15 Appointments (past, future, one cancelled).
 * Nothing here describes a real person.
 */
public final class SandboxPractice {

    public static final String VISIT_TYPE_SYSTEM = "https://visitwise.org/fhir/CodeSystem/visit-type";
    public static final int DAYS = 21;
    public static final int PATIENTS = 25;

    private static final String[] GIVEN = { "Ada", "Bram", "Cleo", "Dov", "Edda", "Finn", "Gia", "Hugo", "Ines",
            "Jude", "Kai", "Lena", "Milo", "Nia", "Otto", "Pia", "Quin", "Rhea", "Saul", "Tova", "Uma", "Vito",
            "Wren", "Xena", "Yuri" };
    private static final String[] FAMILY = { "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
            "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo",
            "Sierra", "Tango", "Uniform", "Victor", "Whiskey", "Xray", "Yankee" };
    private static final String[][] VISIT_TYPES = { { "new-patient", "New patient visit" },
            { "follow-up", "Follow-up visit" }, { "annual-physical", "Annual physical" } };

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private SandboxPractice() {
    }

    /** A synthetic patient's identifying details, exactly as stored (used by PHI-leak tests). */
    public record SyntheticPatient(String id, String given, String family, String birthDate, String phone,
            String email, String addressLine) {
        public String fullName() {
            return given + " " + family;
        }
    }

    public static List<SyntheticPatient> patients() {
        List<SyntheticPatient> patients = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            String family = "Synth" + FAMILY[i].toLowerCase(Locale.ROOT);
            LocalDate birth = LocalDate.of(1941, 3, 7).plusDays(997L * i);
            patients.add(new SyntheticPatient(String.format("pat-%03d", i + 1), GIVEN[i],
                    Character.toUpperCase(family.charAt(0)) + family.substring(1), birth.toString(),
                    String.format("+1-617-555-01%02d", i + 10),
                    GIVEN[i].toLowerCase(Locale.ROOT) + "." + family + "@example.invalid",
                    (100 + 7 * i) + " Fictional Lane"));
        }
        return patients;
    }

    public static List<Resource> build(LocalDate firstDay, ZoneId zone) {
        List<Resource> all = new ArrayList<>();
        all.add(organization());
        all.add(location("loc-001", "Main Street Clinic", "1 Main Street"));
        all.add(location("loc-002", "Riverside Clinic", "40 River Road"));
        String[][] practitioners = { { "prac-001", "Alex", "Rivera", "loc-001", "419772000", "Family practice" },
                { "prac-002", "Sam", "Chen", "loc-002", "394537008", "Pediatric specialty" },
                { "prac-003", "Jordan", "Patel", "loc-001", "419772000", "Family practice" } };
        List<Slot> slots = new ArrayList<>();
        for (int p = 0; p < practitioners.length; p++) {
            String[] prac = practitioners[p];
            all.add(practitioner(prac[0], prac[1], prac[2]));
            all.add(role(prac[0], prac[3], new Coding("http://snomed.info/sct", prac[4], prac[5])));
            String scheduleId = "sched-" + prac[0];
            all.add(schedule(scheduleId, prac[0], prac[3], firstDay, zone));
            slots.addAll(slots(scheduleId, p, firstDay, zone));
        }
        patients().forEach(sp -> all.add(patient(sp)));
        all.addAll(appointments(slots, practitioners, firstDay, zone));
        all.addAll(slots);
        return all;
    }

    private static Organization organization() {
        Organization org = new Organization();
        org.setId("org-001");
        org.setActive(true);
        org.setName("Visitwise Sandbox Family Practice");
        org.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+1-617-555-0100")
                .setUse(ContactPoint.ContactPointUse.WORK);
        return org;
    }

    private static Location location(String id, String name, String line) {
        Location location = new Location();
        location.setId(id);
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(name);
        location.setManagingOrganization(new Reference("Organization/org-001"));
        location.setAddress(new Address().addLine(line).setCity("Sandbox City").setState("MA"));
        return location;
    }

    private static Practitioner practitioner(String id, String given, String family) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.setActive(true);
        practitioner.addName().setFamily(family).addGiven(given).addPrefix("Dr.");
        return practitioner;
    }

    private static PractitionerRole role(String practitionerId, String locationId, Coding specialty) {
        PractitionerRole role = new PractitionerRole();
        role.setId("role-" + practitionerId);
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/" + practitionerId));
        role.setOrganization(new Reference("Organization/org-001"));
        role.addLocation(new Reference("Location/" + locationId));
        role.addSpecialty(new CodeableConcept(specialty));
        return role;
    }

    private static Schedule schedule(String id, String practitionerId, String locationId, LocalDate firstDay,
            ZoneId zone) {
        Schedule schedule = new Schedule();
        schedule.setId(id);
        schedule.setActive(true);
        schedule.addActor(new Reference("Practitioner/" + practitionerId));
        schedule.addActor(new Reference("Location/" + locationId));
        visitTypes().forEach(schedule::addServiceType);
        schedule.getPlanningHorizon().setStart(Date.from(firstDay.atStartOfDay(zone).toInstant()))
                .setEnd(Date.from(firstDay.plusDays(DAYS).atStartOfDay(zone).toInstant()));
        return schedule;
    }

    private static List<CodeableConcept> visitTypes() {
        List<CodeableConcept> types = new ArrayList<>();
        for (String[] type : VISIT_TYPES) {
            types.add(new CodeableConcept(new Coding(VISIT_TYPE_SYSTEM, type[0], type[1])));
        }
        return types;
    }

    private static List<Slot> slots(String scheduleId, int practitionerIndex, LocalDate firstDay, ZoneId zone) {
        List<Slot> slots = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = firstDay.plusDays(day);
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int i = 0; i < 16; i++) {
                ZonedDateTime start = ZonedDateTime.of(date, LocalTime.of(9, 0).plusMinutes(30L * i), zone);
                Slot slot = new Slot();
                slot.setId(String.format("slot-%s-%s-%02d%02d", scheduleId.substring(6), date.toString().replace("-", ""),
                        start.getHour(), start.getMinute()));
                slot.setSchedule(new Reference("Schedule/" + scheduleId));
                slot.setStatus((day * 7 + i * 3 + practitionerIndex) % 5 == 0 ? Slot.SlotStatus.BUSY
                        : Slot.SlotStatus.FREE);
                slot.setStartElement(instant(start));
                slot.setEndElement(instant(start.plusMinutes(30)));
                visitTypes().forEach(slot::addServiceType);
                slots.add(slot);
            }
        }
        return slots;
    }

    private static Patient patient(SyntheticPatient sp) {
        Patient patient = new Patient();
        patient.setId(sp.id());
        patient.setActive(true);
        patient.addIdentifier().setSystem("https://visitwise.org/sandbox/mrn").setValue("SBX-" + sp.id().substring(4));
        patient.addName(new HumanName().setFamily(sp.family()).addGiven(sp.given()));
        patient.setBirthDateElement(new DateType(sp.birthDate()));
        patient.setGender(Enumerations.AdministrativeGender.UNKNOWN);
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(sp.phone());
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(sp.email());
        patient.addAddress().addLine(sp.addressLine()).setCity("Sandbox City").setState("MA");
        patient.setManagingOrganization(new Reference("Organization/org-001"));
        patient.addGeneralPractitioner(new Reference("Practitioner/prac-00" + (Integer.parseInt(sp.id().substring(4)) % 3 + 1)));
        return patient;
    }

    /**
     * 3 past appointments (fulfilled), 11 future booked ones on free weekday slots (which become
     * busy), and 1 future cancelled one (its slot stays free).
     */
    private static List<Appointment> appointments(List<Slot> slots, String[][] practitioners, LocalDate firstDay,
            ZoneId zone) {
        List<Appointment> appointments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ZonedDateTime start = ZonedDateTime.of(firstDay.minusDays(10L + 7 * i), LocalTime.of(10, 0), zone);
            String[] prac = practitioners[i % 3];
            appointments.add(appointment(String.format("appt-%03d", i + 1), Appointment.AppointmentStatus.FULFILLED,
                    String.format("pat-%03d", i + 1), prac[0], prac[3], start, null, VISIT_TYPES[1]));
        }
        List<Slot> free = slots.stream().filter(s -> s.getStatus() == Slot.SlotStatus.FREE).toList();
        for (int i = 0; i < 12; i++) {
            Slot slot = free.get((i * 37 + 11) % free.size());
            int p = Integer.parseInt(slot.getSchedule().getReference().substring("Schedule/sched-prac-".length())) - 1;
            String[] prac = practitioners[p];
            boolean cancelled = i == 11;
            String patientId = String.format("pat-%03d", i <= 1 ? 1 : i + 1);
            ZonedDateTime start = slot.getStart().toInstant().atZone(zone);
            appointments.add(appointment(String.format("appt-%03d", i + 4),
                    cancelled ? Appointment.AppointmentStatus.CANCELLED : Appointment.AppointmentStatus.BOOKED,
                    patientId, prac[0], prac[3], start, slot.getIdElement().getIdPart(), VISIT_TYPES[i % 3]));
            if (!cancelled) {
                slot.setStatus(Slot.SlotStatus.BUSY);
            }
        }
        return appointments;
    }

    /** A FHIR instant with seconds and the practice's UTC offset, as a real EHR stores it. */
    private static InstantType instant(ZonedDateTime time) {
        return new InstantType(INSTANT.format(time));
    }

    private static Appointment appointment(String id, Appointment.AppointmentStatus status, String patientId,
            String practitionerId, String locationId, ZonedDateTime start, String slotId, String[] visitType) {
        Appointment appointment = new Appointment();
        appointment.setId(id);
        appointment.setStatus(status);
        appointment.addServiceType().addCoding().setSystem(VISIT_TYPE_SYSTEM).setCode(visitType[0])
                .setDisplay(visitType[1]);
        appointment.setStartElement(instant(start));
        appointment.setEndElement(instant(start.plusMinutes(30)));
        if (slotId != null) {
            appointment.addSlot(new Reference("Slot/" + slotId));
        }
        appointment.addParticipant().setActor(new Reference("Patient/" + patientId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Practitioner/" + practitionerId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Location/" + locationId))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }
}
