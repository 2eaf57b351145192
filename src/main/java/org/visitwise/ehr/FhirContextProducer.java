package org.visitwise.ehr;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ca.uhn.fhir.context.FhirContext;

/** One R4 {@link FhirContext} for the application's lifetime (it is expensive and thread-safe). */
public class FhirContextProducer {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
