package org.visitwise.sandbox;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/** The sandbox's CapabilityStatement, built from what it actually supports. */
final class SandboxCapabilities {

    private SandboxCapabilities() {
    }

    static CapabilityStatement build(Instant now) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(Date.from(now));
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.getSoftware().setName("Visitwise Sandbox EHR").setVersion("dev");
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        Map<String, java.util.Set<String>> supported = new TreeMap<>(SandboxSearch.SUPPORTED);
        supported.forEach((type, params) -> {
            CapabilityStatement.CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type)
                    .setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED)
                    .setUpdateCreate(false);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
            resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE);
            new java.util.TreeSet<>(params).forEach(p -> resource.addSearchParam().setName(p));
        });
        return cs;
    }
}
