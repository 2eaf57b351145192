package org.visitwise.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Conversations ({@code visitwise.session.*}). */
@ConfigMapping(prefix = "visitwise.session")
public interface SessionConfig {

    /** A conversation idle this long is ended and forgotten (automatic logoff). */
    @WithDefault("PT15M")
    Duration idleTimeout();

    /** No conversation lives longer than this, active or not. */
    @WithDefault("PT60M")
    Duration maxLifetime();

    /** At most this many conversations at once; beyond, new ones get 503 and existing ones are kept. */
    @WithDefault("50000")
    int capacity();

    /** Longest accepted message text, in characters (longer: 413). */
    @WithDefault("2000")
    int maxMessageLength();

    /** How often ended conversations are looked for. */
    @WithDefault("30s")
    String sweepInterval();
}
