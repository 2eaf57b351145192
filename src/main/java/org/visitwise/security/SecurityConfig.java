package org.visitwise.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Identity mapping ({@code visitwise.security.*}). */
@ConfigMapping(prefix = "visitwise.security")
public interface SecurityConfig {

    /** Token claim holding a patient caller's FHIR Patient id (SMART-style {@code patient}). */
    @WithDefault("patient")
    String patientClaim();
}
