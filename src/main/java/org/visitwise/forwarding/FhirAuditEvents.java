package org.visitwise.forwarding;

import java.util.Date;
import java.util.Map;

import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.visitwise.audit.AuditEvent;

/**
 * Our audit events as FHIR R4 AuditEvent resources, shaped after IHE Basic Audit Log Patterns: type and
 * subtype (RESTful interaction, or DICOM user authentication for login/logout), action, outcome, the
 * agent with its role and purpose of use, the source, and entities that are pseudonyms only — the
 * resource touched, the patient, the search parameter names, the session and the request.
 */
final class FhirAuditEvents {

    static final String VISITWISE = "https://visitwise.org/fhir/CodeSystem/";
    private static final String AUDIT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private static final String REST_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    private static final String PSEUDONYM = "https://visitwise.org/fhir/NamingSystem/pseudonym";
    private static final String SUBJECT = "https://visitwise.org/fhir/NamingSystem/subject";
    private static final Map<String, String> PURPOSE_OF_USE = Map.of(
            "patient-self-scheduling", "PATADMIN",
            "front-desk-scheduling", "PATADMIN",
            "billing-review", "HPAYMT",
            "provider-schedule", "PATADMIN",
            "ehr-service", "HOPERAT");

    private FhirAuditEvents() {
    }

    static org.hl7.fhir.r4.model.AuditEvent of(AuditEvent e) {
        var fhir = new org.hl7.fhir.r4.model.AuditEvent();
        type(fhir, e);
        fhir.setAction(AuditEventAction.fromCode(e.action() == null ? "E" : e.action()));
        fhir.setRecorded(Date.from(e.recorded()));
        fhir.setOutcome(AuditEventOutcome.fromCode(e.outcome().code()));
        if (e.reason() != null) {
            fhir.setOutcomeDesc(e.reason());
        }
        AuditEventAgentComponent agent = fhir.addAgent().setRequestor(true);
        agent.setWho(new Reference().setIdentifier(new Identifier().setSystem(SUBJECT)
                .setValue(e.actor() == null ? "unknown" : e.actor())));
        if (e.role() != null) {
            agent.addRole(new CodeableConcept(new Coding(VISITWISE + "role", e.role(), null)));
        }
        if (e.purpose() != null) {
            agent.addPurposeOfUse(new CodeableConcept(new Coding(VISITWISE + "purpose-of-use", e.purpose(), null))
                    .addCoding(new Coding(ACT_REASON, PURPOSE_OF_USE.getOrDefault(e.purpose(), "HOPERAT"), null)));
        }
        if (e.client() != null) {
            agent.getNetwork().setAddress(e.client()).setType(org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType._2);
        }
        fhir.getSource().setObserver(new Reference().setDisplay(e.source()))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
        if (e.entity() != null || e.resourceType() != null) {
            AuditEventEntityComponent what = fhir.addEntity()
                    .setType(new Coding("http://hl7.org/fhir/resource-types", e.resourceType(), null))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource"));
            if (e.entity() != null) {
                what.setWhat(new Reference().setIdentifier(new Identifier().setSystem(PSEUDONYM).setValue(e.entity())));
            }
            if (!e.queryParameters().isEmpty()) {
                what.addDetail().setType("query-parameter-names")
                        .setValue(new org.hl7.fhir.r4.model.StringType(String.join(",", e.queryParameters())));
            }
        }
        if (e.patient() != null) {
            fhir.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setSystem(PSEUDONYM).setValue(e.patient())))
                    .setType(new Coding("http://hl7.org/fhir/resource-types", "Patient", null))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        if (e.sessionId() != null || e.correlationId() != null || e.channel() != null) {
            AuditEventEntityComponent context = fhir.addEntity()
                    .setType(new Coding(VISITWISE + "audit-entity", "context", "Session and request"));
            detail(context, "session-id", e.sessionId());
            detail(context, "correlation-id", e.correlationId());
            detail(context, "channel", e.channel());
        }
        return fhir;
    }

    private static void type(org.hl7.fhir.r4.model.AuditEvent fhir, AuditEvent e) {
        switch (e.type()) {
            case "rest" -> {
                fhir.setType(new Coding(AUDIT_TYPE, "rest", "RESTful Operation"));
                fhir.addSubtype(new Coding(REST_INTERACTION, e.subtype(), null));
            }
            case "security" -> {
                if ("login-failure".equals(e.subtype())) {
                    fhir.setType(new Coding(DICOM, "110114", "User Authentication"));
                    fhir.addSubtype(new Coding(DICOM, "110122", "Login"));
                } else {
                    fhir.setType(new Coding(DICOM, "110113", "Security Alert"));
                    fhir.addSubtype(new Coding(VISITWISE + "audit-subtype", e.subtype(), null));
                }
            }
            case "session" -> {
                fhir.setType(new Coding(DICOM, "110114", "User Authentication"));
                fhir.addSubtype("logout".equals(e.subtype()) || "session-expired".equals(e.subtype())
                        ? new Coding(DICOM, "110123", "Logout")
                        : new Coding(DICOM, "110122", "Login"));
                fhir.addSubtype(new Coding(VISITWISE + "audit-subtype", e.subtype(), null));
            }
            case "alert" -> {
                fhir.setType(new Coding(DICOM, "110113", "Security Alert"));
                fhir.addSubtype(new Coding(VISITWISE + "alert-rule", e.subtype(), null));
            }
            default -> {
                fhir.setType(new Coding(VISITWISE + "audit-type", e.type(), null));
                fhir.addSubtype(new Coding(VISITWISE + "audit-subtype", e.subtype(), null));
            }
        }
    }

    private static void detail(AuditEventEntityComponent entity, String type, String value) {
        if (value != null) {
            entity.addDetail().setType(type).setValue(new org.hl7.fhir.r4.model.StringType(value));
        }
    }
}
