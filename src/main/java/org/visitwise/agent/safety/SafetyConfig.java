package org.visitwise.agent.safety;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The safety check ({@code visitwise.safety.*}): the practice's emergency numbers and languages. */
@ConfigMapping(prefix = "visitwise.safety")
public interface SafetyConfig {

    /** Number for a medical emergency. */
    @WithDefault("911")
    String emergencyNumber();

    /** Suicide and crisis line (call or text). */
    @WithDefault("988")
    String crisisLine();

    /** Poison control. */
    @WithDefault("1-800-222-1222")
    String poisonControl();

    /** Languages whose emergency vocabulary ({@code language/<code>/emergency.yaml}) every message is checked against. */
    @WithDefault("en,es")
    List<String> languages();
}
