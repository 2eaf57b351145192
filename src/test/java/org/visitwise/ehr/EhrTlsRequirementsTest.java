package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.security.KeyStore;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.tls.TlsConfiguration;
import io.vertx.core.net.SSLOptions;

class EhrTlsRequirementsTest {

    @Test
    void startingWithoutATlsConfigurationIsRefused() {
        assertThrows(IllegalStateException.class, () -> EhrTlsRequirements.check(Optional.empty()));
    }

    @Test
    void startingWithoutAClientCertificateIsRefused() {
        assertThrows(IllegalStateException.class, () -> EhrTlsRequirements.check(Optional.of(tls(false, false, "HTTPS"))));
    }

    @Test
    void protocolsBelowTls12AreRefused() {
        assertThrows(IllegalStateException.class,
                () -> EhrTlsRequirements.check(Optional.of(tls(true, false, "HTTPS", "TLSv1.2", "TLSv1.1"))));
        assertDoesNotThrow(() -> EhrTlsRequirements.check(Optional.of(tls(true, false, "HTTPS", "TLSv1.3", "TLSv1.2"))));
    }

    @Test
    void trustAllOrNoHostnameVerificationIsRefused() throws Exception {
        assertThrows(IllegalStateException.class, () -> EhrTlsRequirements.check(Optional.of(tls(true, true, "HTTPS"))));
        assertThrows(IllegalStateException.class, () -> EhrTlsRequirements.check(Optional.of(tls(true, false, "NONE"))));
        assertDoesNotThrow(() -> EhrTlsRequirements.check(Optional.of(tls(true, false, "HTTPS"))));
    }

    private static TlsConfiguration tls(boolean keyStore, boolean trustAll, String hostnameVerification) {
        return tls(keyStore, trustAll, hostnameVerification, "TLSv1.3");
    }

    private static TlsConfiguration tls(boolean keyStore, boolean trustAll, String hostnameVerification,
            String... protocols) {
        SSLOptions options = new SSLOptions().setEnabledSecureTransportProtocols(Set.of(protocols));
        return (TlsConfiguration) Proxy.newProxyInstance(TlsConfiguration.class.getClassLoader(),
                new Class<?>[] { TlsConfiguration.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getKeyStore" -> keyStore ? KeyStore.getInstance("PKCS12") : null;
                    case "isTrustAll" -> trustAll;
                    case "getHostnameVerificationAlgorithm" -> Optional.of(hostnameVerification);
                    case "getSSLOptions" -> options;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
