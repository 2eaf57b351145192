package org.visitwise.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The sandbox EHR: a FHIR R4 JSON server on loopback, HTTPS with TLS 1.3 only and a client
 * certificate from the sandbox CA required, in front of a {@link SandboxStore} holding the
 * {@link SandboxPractice}. Starts with the application when {@code visitwise.sandbox.enabled} (the dev and test profiles);
 * its classes are not even part of a release build ({@code -Drelease}).
 * It logs no request details (its URLs and bodies carry synthetic PHI).
 */
@ApplicationScoped
public class SandboxEhrServer {

    public static final String FHIR_JSON = "application/fhir+json";

    private final Vertx vertx;
    private final SandboxConfig config;
    private final FhirContext fhir;
    private final SandboxStore store;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicBoolean loseNextTransactionAnswer = new AtomicBoolean();
    private final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    SandboxEhrServer(Vertx vertx, SandboxConfig config, FhirContext fhir, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.fhir = fhir;
        this.clock = clock;
        this.store = new SandboxStore(fhir, clock);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        reset();
        PfxOptions keyStore = new PfxOptions().setPath(config.tlsDir().resolve(SandboxEnvironment.SERVER_KEY_STORE)
                .toString()).setPassword(config.tlsPassword());
        PfxOptions clientCas = new PfxOptions().setPath(config.tlsDir().resolve(SandboxEnvironment.CA_TRUST_STORE)
                .toString()).setPassword(config.tlsPassword());
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(config.port())
                .setSsl(true)
                .setKeyCertOptions(keyStore)
                .setTrustOptions(clientCas)
                .setClientAuth(ClientAuth.REQUIRED)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.3"));
        server = vertx.createHttpServer(options).requestHandler(router());
        server.listen().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        Log.infof("Sandbox EHR (FHIR R4, mutual TLS 1.3) listening on https://localhost:%d/fhir", server.actualPort());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
            server = null;
        }
    }

    /**
     * Puts the synthetic practice back, its first day tomorrow by the application's clock (or the
     * configured first day), and forgets counted requests.
     */
    public void reset() {
        reset(config.firstDay().orElse(LocalDate.now(clock.withZone(ZoneId.of(config.timeZone()))).plusDays(1)));
    }

    /** Puts the synthetic practice back with its 21 days of slots starting on {@code firstDay}. */
    public void reset(LocalDate firstDay) {
        store.load(SandboxPractice.build(firstDay, ZoneId.of(config.timeZone())));
        loseNextTransactionAnswer.set(false);
        requests.set(0);
        requestLines.clear();
    }

    /**
     * Fault for tests: the next transaction is applied, then its connection is closed without an
     * answer — a write whose outcome the agent cannot know (a timeout after the request left).
     */
    public void loseNextTransactionAnswer() {
        loseNextTransactionAnswer.set(true);
    }

    /** The store behind the server, for tests that read the EHR's state back. */
    public SandboxStore store() {
        return store;
    }

    /** Requests received since start or {@link #reset()}. */
    public long requestCount() {
        return requests.get();
    }

    /** Method and URI (with the query) of each request received, in memory only, for tests. */
    public List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    public int port() {
        return server.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            requests.incrementAndGet();
            requestLines.add(ctx.request().method() + " " + ctx.request().uri());
            ctx.next();
        });
        router.route().handler(BodyHandler.create().setBodyLimit(1_000_000));
        router.get("/fhir/metadata").blockingHandler(ctx -> answer(ctx, () -> ok(SandboxCapabilities.build(clock.instant()))));
        router.post("/fhir").blockingHandler(ctx -> {
            if (loseNextTransactionAnswer.compareAndSet(true, false)) {
                store.transaction(body(ctx, Bundle.class)); // applied, but the answer never arrives
                ctx.request().connection().close();
                return;
            }
            answer(ctx, () -> ok(store.transaction(body(ctx, Bundle.class))));
        });
        router.get("/fhir/:type").blockingHandler(ctx -> answer(ctx, () -> search(ctx)));
        router.post("/fhir/:type").blockingHandler(ctx -> answer(ctx, () -> created(
                store.create(body(ctx, resourceClass(ctx.pathParam("type")))))));
        router.get("/fhir/:type/:id").blockingHandler(ctx -> answer(ctx, () -> ok(
                store.read(ctx.pathParam("type"), ctx.pathParam("id")))));
        router.put("/fhir/:type/:id").blockingHandler(ctx -> answer(ctx, () -> ok(store.update(ctx.pathParam("type"),
                ctx.pathParam("id"), body(ctx, resourceClass(ctx.pathParam("type"))), ctx.request().getHeader("If-Match")))));
        router.route().handler(ctx -> write(ctx, new FhirError(405, OperationOutcome.IssueType.NOTSUPPORTED,
                "Interaction not supported by the sandbox")));
        return router;
    }

    private Answer search(RoutingContext ctx) {
        String type = ctx.pathParam("type");
        Map<String, List<String>> params = new LinkedHashMap<>();
        ctx.queryParams().forEach(e -> params.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        int count = count(params.get("_count"));
        List<Resource> matches = store.search(type, params);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
        bundle.setId(java.util.UUID.randomUUID().toString());
        matches.stream().limit(count).forEach(r -> bundle.addEntry()
                .setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart())
                .setResource(r)
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        Set<String> elements = params.getOrDefault("_elements", List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .map(e -> type + "." + e).collect(Collectors.toSet());
        return new Answer(200, bundle, elements, null);
    }

    private static int count(List<String> values) {
        if (values == null || values.isEmpty()) {
            return 50;
        }
        try {
            int count = Integer.parseInt(values.get(values.size() - 1));
            if (count < 0) {
                throw FhirError.badRequest("_count must not be negative");
            }
            return Math.min(count, 500);
        } catch (NumberFormatException e) {
            throw FhirError.badRequest("_count must be a number");
        }
    }

    private <T extends IBaseResource> T body(RoutingContext ctx, Class<T> type) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !(contentType.startsWith(FHIR_JSON) || contentType.startsWith("application/json"))) {
            throw new FhirError(415, OperationOutcome.IssueType.NOTSUPPORTED, "Send application/fhir+json");
        }
        try {
            return fhir.newJsonParser().parseResource(type, ctx.body().asString());
        } catch (DataFormatException | ClassCastException | NullPointerException e) {
            throw FhirError.badRequest("Body is not a valid FHIR R4 JSON resource of the expected type");
        }
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Resource> resourceClass(String type) {
        if (!SandboxSearch.supportsType(type)) {
            throw FhirError.notFound("Resource type " + type + " is not supported by this server");
        }
        return (Class<? extends Resource>) fhir.getResourceDefinition(type).getImplementingClass();
    }

    private record Answer(int status, Resource resource, Set<String> elements, String location) {
    }

    private static Answer ok(Resource resource) {
        return new Answer(200, resource, Set.of(), null);
    }

    private static Answer created(Resource resource) {
        return new Answer(201, resource, Set.of(), resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                + "/_history/" + resource.getMeta().getVersionId());
    }

    private void answer(RoutingContext ctx, java.util.function.Supplier<Answer> handler) {
        Answer answer;
        try {
            answer = handler.get();
        } catch (FhirError e) {
            write(ctx, e);
            return;
        } catch (RuntimeException e) {
            Log.errorf("Sandbox EHR failed on a request (%s)", e.getClass().getSimpleName());
            write(ctx, new FhirError(500, OperationOutcome.IssueType.EXCEPTION, "Internal error"));
            return;
        }
        IParser parser = fhir.newJsonParser();
        if (!answer.elements().isEmpty()) {
            parser.setEncodeElements(answer.elements());
            parser.setEncodeElementsAppliesToChildResourcesOnly(true);
        }
        if (answer.resource().getMeta().hasVersionId() && !(answer.resource() instanceof Bundle)) {
            ctx.response().putHeader("ETag", "W/\"" + answer.resource().getMeta().getVersionId() + "\"");
        }
        if (answer.location() != null) {
            ctx.response().putHeader("Location", "/fhir/" + answer.location());
        }
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", FHIR_JSON + ";charset=utf-8")
                .end(parser.encodeResourceToString(answer.resource()));
    }

    private void write(RoutingContext ctx, FhirError error) {
        ctx.response().setStatusCode(error.status()).putHeader("Content-Type", FHIR_JSON + ";charset=utf-8")
                .end(fhir.newJsonParser().encodeResourceToString(error.toOperationOutcome()));
    }
}
