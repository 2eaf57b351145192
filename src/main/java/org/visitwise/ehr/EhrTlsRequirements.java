package org.visitwise.ehr;

import java.util.Optional;
import java.util.Set;

import io.quarkus.tls.TlsConfiguration;

/**
 * What the TLS registry configuration {@code ehr} must hold before the agent talks to an EHR:
 * a client certificate (mutual TLS), verified server names, no trust-all, and nothing older than
 * TLS 1.2. Checked at start-up.
 */
final class EhrTlsRequirements {

    static final String CONFIGURATION_NAME = "ehr";
    /** TLS 1.3 is the default; TLS 1.2 is the floor a practice may allow for an older EHR. */
    static final Set<String> ALLOWED_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

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
        Set<String> protocols = tls.getSSLOptions().getEnabledSecureTransportProtocols();
        if (protocols.isEmpty() || !ALLOWED_PROTOCOLS.containsAll(protocols)) {
            throw new IllegalStateException("quarkus.tls.ehr.protocols may only name TLSv1.3 and TLSv1.2");
        }
    }
}
