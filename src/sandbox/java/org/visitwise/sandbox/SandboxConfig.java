package org.visitwise.sandbox;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox EHR ({@code visitwise.sandbox.*}); dev and test only. */
@ConfigMapping(prefix = "visitwise.sandbox")
public interface SandboxConfig {

    /** Start the sandbox EHR with the application (set in the dev and test profiles). */
    @WithDefault("false")
    boolean enabled();

    /** Loopback HTTPS port; by default a free port chosen at start-up. */
    int port();

    /** Directory of the generated PKI (made at start-up in the temp directory). */
    Path tlsDir();

    /** Password of the generated stores (random per start-up). */
    String tlsPassword();

    /** Public key of the sandbox login (base64 DER, made at start-up): what OIDC verifies tokens with. */
    String tokenPublicKey();

    /** The practice's time zone: slots are 09:00-17:00 local time, stored with their UTC offset. */
    @WithDefault("America/New_York")
    String timeZone();

    /** First day of the 21 days of slots; by default tomorrow in the practice's time zone. */
    Optional<LocalDate> firstDay();
}
