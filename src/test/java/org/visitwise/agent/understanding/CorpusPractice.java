package org.visitwise.agent.understanding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.visitwise.scheduling.PracticeDirectory.LocationInfo;
import org.visitwise.scheduling.PracticeDirectory.PractitionerInfo;

/**
 * The fictional practice the corpus messages are written for ({@code corpus/README.md}), as its EHR
 * would describe it: names with prefixes and suffixes, PractitionerRole specialties and codes (SNOMED
 * CT), locations with an alias and a street. "Now" is Wednesday 2 December 2026.
 */
final class CorpusPractice {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final String REGULAR_DOCTOR = "p-okafor";

    static final Practice PRACTICE = new Practice(List.of(
            new PractitionerInfo("p-okafor", "Dr. Samuel Okafor-Test", List.of("Samuel"), "Okafor-Test", List.of(),
                    List.of("419772000", "Family practice", "Family medicine")),
            new PractitionerInfo("p-garcia", "Dr. María José García-López", List.of("María José"), "García-López", List.of(),
                    List.of("394537008", "Pediatric specialty")),
            new PractitionerInfo("p-nguyen", "Kim Nguyen, NP", List.of("Kim"), "Nguyen", List.of("NP"),
                    List.of("224571005", "Nurse practitioner", "419772000", "Family practice")),
            new PractitionerInfo("p-smith", "Dr. Robert Smith Jr.", List.of("Robert"), "Smith", List.of("Jr."),
                    List.of("394579002", "Cardiology")),
            new PractitionerInfo("p-oneil", "Dr. Ann-Marie O'Neil", List.of("Ann-Marie"), "O'Neil", List.of(),
                    List.of("394585009", "Obstetrics and gynecology")),
            new PractitionerInfo("p-wei", "Dr. Li Wei", List.of("Li"), "Wei", List.of(), List.of("394582007", "Dermatology")),
            new PractitionerInfo("p-haddad", "Dr. Yusuf Haddad", List.of("Yusuf"), "Haddad", List.of(),
                    List.of("419772000", "Family practice")),
            new PractitionerInfo("p-brennan", "Patricia Brennan, PA-C", List.of("Patricia"), "Brennan", List.of("PA-C"),
                    List.of("449161006", "Physician assistant", "394801008", "Trauma and orthopedics"))),
            List.of(new LocationInfo("loc-north", "North Clinic", List.of("Northside"), List.of("12 Elm Street")),
                    new LocationInfo("loc-down", "Downtown Clinic", List.of(), List.of("300 Main Street"))),
            List.of("new-patient", "follow-up", "annual-physical"));

    static final Supplier<Optional<String>> REGULAR = () -> Optional.of(REGULAR_DOCTOR);

    private CorpusPractice() {
    }
}
