package org.visitwise.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for the sandbox EHR: a CA, a server certificate for
 * {@code localhost}/{@code 127.0.0.1}, and client certificates, written as PKCS12 stores into a
 * directory. Nothing here is ever committed; every JVM makes its own.
 */
public final class SandboxPki {

    private static final Duration VALIDITY = Duration.ofDays(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final KeyPair caKeys;
    private final X509Certificate caCert;

    private SandboxPki(String name, KeyPair caKeys, X509Certificate caCert) {
        this.name = name;
        this.caKeys = caKeys;
        this.caCert = caCert;
    }

    /** A new CA named {@code CN=<name> CA}. */
    public static SandboxPki newAuthority(String name) {
        try {
            KeyPair keys = keyPair();
            X500Name subject = new X500Name("CN=" + name + " CA, O=Visitwise Sandbox");
            X509v3CertificateBuilder builder = builder(subject, subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new SandboxPki(name, keys, sign(builder, keys));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the sandbox CA", e);
        }
    }

    public X509Certificate certificate() {
        return caCert;
    }

    /** A key store holding a server certificate for localhost and 127.0.0.1, signed by this CA. */
    public void writeServerKeyStore(Path file, char[] password) {
        writeKeyStore(file, password, "CN=localhost, O=" + name, KeyPurposeId.id_kp_serverAuth, true);
    }

    /** A key store holding a client certificate with the given common name, signed by this CA. */
    public void writeClientKeyStore(Path file, char[] password, String commonName) {
        writeKeyStore(file, password, "CN=" + commonName + ", O=" + name, KeyPurposeId.id_kp_clientAuth, false);
    }

    /** A trust store holding only this CA's certificate. */
    public void writeTrustStore(Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setCertificateEntry("ca", caCert);
            save(store, file, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the sandbox trust store", e);
        }
    }

    private void writeKeyStore(Path file, char[] password, String subject, KeyPurposeId purpose, boolean server) {
        try {
            KeyPair keys = keyPair();
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
                    new X500Name(subject), keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (server) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
            }
            X509Certificate cert = sign(builder, caKeys);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry("key", keys.getPrivate(), password, new Certificate[] { cert, caCert });
            save(store, file, password);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot write a sandbox key store", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
