package org.visitwise.metrics;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import org.visitwise.agent.ChatResource;
import org.visitwise.agent.EhrConversationResource;
import org.visitwise.audit.AuditFeedResource;
import org.visitwise.audit.BreachReportResource;
import org.visitwise.scheduling.SchedulingResource;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The {@code uri} tag of HTTP metrics from a fixed vocabulary: the API's route templates
 * ({@code /api/v1/sessions/{id}/messages}) and a few fixed words; any other value — a raw path, as
 * Quarkus records for an answer no route template matched (405, OPTIONS) — becomes {@code other}.
 * Ids never become tags, and nobody can fill the tag space by sending made-up paths.
 */
public class UriTagVocabulary {

    static final String OTHER = "other";
    private static final List<Class<?>> RESOURCES = List.of(SchedulingResource.class, ChatResource.class,
            EhrConversationResource.class, AuditFeedResource.class, BreachReportResource.class);
    private static final Set<String> FIXED = Set.of("NOT_FOUND", "REDIRECTION", "UNKNOWN", "root", "/q/health",
            "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/sandbox/login");

    @Produces
    @Singleton
    MeterFilter uriTags() {
        Set<String> known = templates();
        known.addAll(FIXED);
        return MeterFilter.replaceTagValues("uri", value -> known.contains(value) ? value : OTHER);
    }

    /** Every route template of the API's resources. */
    static Set<String> templates() {
        Set<String> templates = new HashSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            templates.add(normalized(base));
            for (Method method : resource.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                templates.add(normalized(path == null ? base : base + "/" + path.value()));
            }
        }
        return templates;
    }

    private static String normalized(String path) {
        String p = ("/" + path).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
