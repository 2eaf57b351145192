package org.visitwise.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Dev-only tokens for the sandbox: signed with a key made at start-up and verified by the agent
 * exactly as a production IdP's tokens are (issuer, audience, signature, expiry). Subjects are
 * opaque, as a real IdP's are. Replaced by the sandbox login of the identity issue.
 */
public final class SandboxTokens {

    public static final String ISSUER = "https://sandbox.visitwise.invalid/login";
    public static final String AUDIENCE = "visitwise";
    /** Issuer of the sandbox EHR's service-account tokens. */
    public static final String EHR_ISSUER = "https://sandbox.visitwise.invalid/ehr";
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private SandboxTokens() {
    }

    /** A token for a synthetic patient: role {@code patient}, claim {@code patient=<id>}. */
    public static String patient(String patientId) {
        return sign(builder(subjectOf("patient:" + patientId), Set.of("patient")).claim("patient", patientId),
                LIFETIME);
    }

    /** A patient token that, like many IdPs' tokens, also carries the user's login name. */
    public static String patient(String patientId, String username) {
        return sign(builder(subjectOf("patient:" + patientId), Set.of("patient")).claim("patient", patientId)
                .upn(username).preferredUserName(username), LIFETIME);
    }

    /** A patient token stating how the user authenticated ({@code acr}), as an IdP doing MFA does. */
    public static String patientWithAcr(String patientId, String acr) {
        return sign(builder(subjectOf("patient:" + patientId), Set.of("patient")).claim("patient", patientId).claim("acr", acr),
                LIFETIME);
    }

    /** A token for a front-desk user of the sandbox practice. */
    public static String frontDesk(String name) {
        return sign(builder(subjectOf("staff:" + name), Set.of("front-desk")), LIFETIME);
    }

    /** A billing clerk of the sandbox practice. */
    public static String billing(String name) {
        return sign(builder(subjectOf("staff:" + name), Set.of("billing")), LIFETIME);
    }

    /** A provider of the sandbox practice, e.g. {@code prac-001}: {@code fhirUser=Practitioner/<id>}. */
    public static String provider(String practitionerId) {
        return sign(builder(subjectOf("provider:" + practitionerId), Set.of("provider"))
                .claim("fhirUser", "Practitioner/" + practitionerId), LIFETIME);
    }

    /** A practice administrator. */
    public static String admin(String name) {
        return sign(builder(subjectOf("staff:" + name), Set.of("admin")), LIFETIME);
    }

    /**
     * A single-use token of the EHR's service account ({@code ehr-gateway}): its own issuer, a fresh
     * {@code jti}, five minutes, the SMART system scopes of the ehr-relay role.
     */
    public static String ehrService() {
        return ehrService("system/Appointment.crus system/Slot.rs");
    }

    /** An EHR service-account token carrying the given scopes. */
    public static String ehrService(String scopes) {
        return Jwt.issuer(EHR_ISSUER).audience(AUDIENCE).subject(subjectOf("service:ehr-gateway"))
                .groups(Set.of("ehr-relay")).claim("azp", "ehr-gateway").claim("scope", scopes).claim("jti", UUID.randomUUID().toString())
                .expiresIn(Duration.ofMinutes(5)).jws().keyId("sandbox").sign(SandboxEnvironment.get().tokenSigningKey());
    }

    /** A single-use token of the EHR's audit collector ({@code ehr-audit-collector}): the audit feed only. */
    public static String ehrAudit() {
        return Jwt.issuer(EHR_ISSUER).audience(AUDIENCE).subject(subjectOf("service:ehr-audit-collector"))
                .groups(Set.of("ehr-audit")).claim("azp", "ehr-audit-collector").claim("scope", "system/AuditEvent.rs")
                .claim("jti", UUID.randomUUID().toString()).expiresIn(Duration.ofMinutes(5)).jws().keyId("sandbox")
                .sign(SandboxEnvironment.get().tokenSigningKey());
    }

    /** A person's token with any roles and extra claims, for tests (e.g. a {@code scope} or {@code azp}). */
    public static String person(String name, Set<String> roles, java.util.Map<String, Object> claims) {
        JwtClaimsBuilder builder = builder(subjectOf("user:" + name), roles);
        claims.forEach(builder::claim);
        return sign(builder, LIFETIME);
    }

    /** A token with any roles, for tests (e.g. a role without scheduling rights). */
    public static String withRoles(String name, Set<String> roles) {
        return sign(builder(subjectOf("user:" + name), roles), LIFETIME);
    }

    /** A patient token with another issuer or audience, signed with the sandbox key (for refusal tests). */
    public static String patientFrom(String issuer, String audience, String patientId) {
        return Jwt.issuer(issuer).audience(audience).subject(subjectOf("patient:" + patientId)).groups(Set.of("patient"))
                .claim("patient", patientId).expiresIn(LIFETIME).jws().keyId("sandbox")
                .sign(SandboxEnvironment.get().tokenSigningKey());
    }

    /** A token that expired a minute ago. */
    public static String expiredPatient(String patientId) {
        JwtClaimsBuilder claims = builder(subjectOf("patient:" + patientId), Set.of("patient")).claim("patient", patientId)
                .issuedAt(System.currentTimeMillis() / 1000 - 3600).expiresAt(System.currentTimeMillis() / 1000 - 60);
        return claims.jws().keyId("sandbox").sign(SandboxEnvironment.get().tokenSigningKey());
    }

    private static JwtClaimsBuilder builder(String subject, Set<String> roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(roles);
    }

    private static String sign(JwtClaimsBuilder claims, Duration lifetime) {
        return claims.expiresIn(lifetime).jws().keyId("sandbox").sign(SandboxEnvironment.get().tokenSigningKey());
    }

    private static String subjectOf(String seed) {
        return UUID.nameUUIDFromBytes(("visitwise-sandbox:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
