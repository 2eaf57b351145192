package org.visitwise.ehr;

import java.util.Optional;

import io.quarkus.tls.TlsConfiguration;

/**
 * What the TLS registry configuration {@code ehr} must hold before the agent talks to an EHR:
 * a client certificate (mutual TLS), verified server names, and no trust-all. Checked at start-up.
 */
final class EhrTlsRequirements {

    static final String CONFIGURATION_NAME = "ehr";

    private EhrTlsRequirements() {
    }

    static void check(Optional<TlsConfiguration> configuration) {
        TlsConfiguration tls = configuration.orElseThrow(() -> new IllegalStateException(
                "no TLS configuration '" + CONFIGURATION_NAME + "': set quarkus.tls.ehr.key-store.* (mutual TLS)"));
        if (tls.getKeyStore() == null) {
            throw new IllegalStateException("quarkus.tls.ehr has no key store: the EHR needs the agent's client certificate");
        }
        if (tls.isTrustAll()) {
            throw new IllegalStateException("quarkus.tls.ehr.trust-all is not allowed");
        }
        if (tls.getHostnameVerificationAlgorithm().map("NONE"::equalsIgnoreCase).orElse(false)) {
            throw new IllegalStateException("quarkus.tls.ehr must verify the EHR's host name");
        }
    }
}
