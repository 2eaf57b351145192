package org.visitwise.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs the audit chain's checkpoints with the instance's Ed25519 key (PKCS#8 PEM), and verifies them
 * with the public key (X.509 PEM). What is signed: {@code <chain>|<seq>|<hash of the event before>}.
 */
public final class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";
    private final PrivateKey key;

    CheckpointSigner(PrivateKey key) {
        this.key = key;
    }

    static CheckpointSigner fromPem(Path privateKeyPem) {
        try {
            byte[] der = der(Files.readString(privateKeyPem, StandardCharsets.US_ASCII), "PRIVATE KEY");
            return new CheckpointSigner(KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint key", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit checkpoint key must be an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    static String signedText(String chain, long seq, String prev) {
        return chain + "|" + seq + "|" + prev;
    }

    String sign(String chain, long seq, String prev) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(signedText(chain, seq, prev).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    static PublicKey publicKey(Path publicKeyPem) throws IOException, GeneralSecurityException {
        byte[] der = der(Files.readString(publicKeyPem, StandardCharsets.US_ASCII), "PUBLIC KEY");
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    static boolean verify(PublicKey key, String chain, long seq, String prev, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(signedText(chain, seq, prev).getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] der(String pem, String type) {
        String body = pem.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
