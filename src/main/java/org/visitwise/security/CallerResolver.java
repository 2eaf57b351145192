package org.visitwise.security;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.visitwise.ehr.Purpose;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the {@link Caller} of the current request. A patient's identity comes only from the
 * token's patient claim; a staff member names the patient they act for with {@code patient}.
 */
@RequestScoped
public class CallerResolver {

    private static final Pattern PATIENT_REFERENCE = Pattern.compile("(?:Patient/)?([A-Za-z0-9\\-.]{1,64})");

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final SecurityConfig config;

    CallerResolver(SecurityIdentity identity, JsonWebToken token, SecurityConfig config) {
        this.identity = identity;
        this.token = token;
        this.config = config;
    }

    /**
     * @param patientParameter the {@code patient} a staff caller acts for ({@code Patient/<id>} or
     *                         {@code <id>}); must be absent for a patient caller
     * @param patientRequired  whether the operation concerns one patient
     */
    public Caller resolve(Optional<String> patientParameter, boolean patientRequired) {
        // the token's opaque subject, never the principal name (often an e-mail address or user name)
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new ForbiddenException();
        }
        if (identity.hasRole(Roles.PATIENT)) {
            if (patientParameter.isPresent()) {
                throw new PatientParameterException("The patient parameter is for practice staff only.");
            }
            return new Caller(subject, Purpose.PATIENT_SELF_SCHEDULING, patientOfToken());
        }
        if (identity.hasRole(Roles.FRONT_DESK)) {
            if (patientParameter.isEmpty()) {
                if (patientRequired) {
                    throw new PatientParameterException("Staff must name the patient: patient=Patient/<id>.");
                }
                return new Caller(subject, Purpose.FRONT_DESK_SCHEDULING, null);
            }
            var m = PATIENT_REFERENCE.matcher(patientParameter.get());
            if (!m.matches()) {
                throw new PatientParameterException("patient must be Patient/<id>.");
            }
            return new Caller(subject, Purpose.FRONT_DESK_SCHEDULING, m.group(1));
        }
        throw new ForbiddenException();
    }

    private String patientOfToken() {
        Object claim = token.getClaim(config.patientClaim());
        String value = claim == null ? null : claim.toString().replace("\"", "");
        var m = value == null ? null : PATIENT_REFERENCE.matcher(value);
        if (m == null || !m.matches()) {
            // a patient token without a usable patient claim grants nothing
            throw new ForbiddenException();
        }
        return m.group(1);
    }
}
