package org.visitwise.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.visitwise.api.InvalidRequestException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the {@link Caller} of the current request from the verified token and the caller's one
 * role of {@code scopes/roles.yaml}. A patient's identity comes only from their token; staff name
 * the patient they act for with {@code patient}; a provider's practitioner id comes from their token.
 */
@RequestScoped
public class CallerResolver {

    private static final String ID = "([A-Za-z0-9\\-.]{1,64})";
    private static final Pattern PATIENT_REFERENCE = Pattern.compile("(?:Patient/)?" + ID);
    private static final Pattern FHIR_USER_PATIENT = Pattern.compile("(?:.*/)?Patient/" + ID);
    private static final Pattern FHIR_USER_PRACTITIONER = Pattern.compile("(?:.*/)?Practitioner/" + ID);

    private final SecurityIdentity identity;
    private final SecurityConfig config;

    CallerResolver(SecurityIdentity identity, SecurityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /**
     * @param patientParameter the {@code patient} a staff caller acts for ({@code Patient/<id>} or
     *                         {@code <id>}); must be absent for a patient or provider
     * @param patientRequired  whether the operation concerns one patient
     */
    public Caller resolve(Optional<String> patientParameter, boolean patientRequired) {
        Role role = role();
        String subject = subject();
        var purpose = role.purpose().orElseThrow(ForbiddenException::new);
        return switch (role.actsFor()) {
            case OWN_RECORD -> {
                refuse(patientParameter, "The patient parameter is for practice staff only.");
                yield new Caller(subject, purpose, patientOfToken());
            }
            case OWN_SCHEDULE -> {
                refuse(patientParameter, "A provider reads their own schedule; the patient parameter is for front-desk and billing staff.");
                yield new Caller(subject, purpose, null, practitionerOfToken(), null);
            }
            case NAMED_PATIENT -> {
                if (patientParameter.isEmpty()) {
                    if (patientRequired) {
                        throw new InvalidRequestException("Staff must name the patient: patient=Patient/<id>.");
                    }
                    yield new Caller(subject, purpose, null);
                }
                yield new Caller(subject, purpose, patientId(patientParameter.get()));
            }
            case ASSERTED_PATIENT, NOBODY -> throw new ForbiddenException();
        };
    }

    /** A service account acting for the patient its request names (e.g. the EHR's SMS gateway). */
    public Caller resolveAsserted(String patientReference) {
        Role role = role();
        if (role.actsFor() != ActsFor.ASSERTED_PATIENT) {
            throw new ForbiddenException();
        }
        return new Caller(subject(), role.purpose().orElseThrow(ForbiddenException::new), patientId(patientReference));
    }

    /** The verified token's opaque subject, never the principal name (often an e-mail or user name). */
    public String subject() {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
        if (subject == null || subject.isBlank()) {
            throw new ForbiddenException();
        }
        return subject;
    }

    private Role role() {
        Role role = identity.getAttribute(RoleAugmentor.ROLE);
        if (role == null) {
            throw new ForbiddenException();
        }
        return role;
    }

    private static void refuse(Optional<String> patientParameter, String detail) {
        if (patientParameter.isPresent()) {
            throw new InvalidRequestException(detail);
        }
    }

    private static String patientId(String reference) {
        Matcher m = PATIENT_REFERENCE.matcher(reference);
        if (!m.matches()) {
            throw new InvalidRequestException("patient must be Patient/<id>.");
        }
        return m.group(1);
    }

    /** The patient claim ({@code patient=<id>}), else {@code fhirUser=[base/]Patient/<id>}. */
    private String patientOfToken() {
        String value = claim(config.patientClaim());
        Matcher m = value == null ? null : PATIENT_REFERENCE.matcher(value);
        if (m == null || !m.matches()) {
            String fhirUser = claim("fhirUser");
            m = fhirUser == null ? null : FHIR_USER_PATIENT.matcher(fhirUser);
        }
        if (m == null || !m.matches()) {
            // a patient token without a usable patient claim grants nothing
            throw new ForbiddenException();
        }
        return m.group(1);
    }

    private String practitionerOfToken() {
        String fhirUser = claim("fhirUser");
        Matcher m = fhirUser == null ? null : FHIR_USER_PRACTITIONER.matcher(fhirUser);
        if (m == null || !m.matches()) {
            throw new ForbiddenException();
        }
        return m.group(1);
    }

    private String claim(String name) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        return claim == null ? null : claim.toString().replace("\"", "");
    }
}
