package org.visitwise.interop;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/**
 * Test fixture: a real HAPI FHIR JPA R4 server (H2 in memory) served by embedded Jetty 12 over HTTPS with
 * mutual TLS (TLS 1.3 only, client certificate required, 127.0.0.1 only).
 *
 * <pre>
 * java -cp "target/classes:target/lib/*" org.visitwise.interop.HapiFhirServer \
 *      --port 0 --key-store server.p12 --trust-store ca-truststore.p12 --password secret
 * </pre>
 *
 * When it can serve, it prints exactly one line to stdout, {@code HAPI-FHIR-READY https://localhost:<port>/fhir},
 * and then runs until killed. All logging goes to stderr (see logback.xml).
 */
public final class HapiFhirServer {

    public static final String READY_PREFIX = "HAPI-FHIR-READY ";

    private HapiFhirServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path keyStore = null;
        Path trustStore = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--key-store" -> keyStore = Path.of(require(args[i], value));
                case "--trust-store" -> trustStore = Path.of(require(args[i], value));
                case "--password" -> password = require(args[i], value);
                default -> usage("unknown argument: " + args[i]);
            }
            i++;
        }
        if (keyStore == null || trustStore == null || password == null) {
            usage("--key-store, --trust-store and --password are required");
        }
        for (Path p : new Path[] {keyStore, trustStore}) {
            if (!Files.isReadable(p)) {
                usage("not readable: " + p);
            }
        }

        try {
            run(port, keyStore, trustStore, password);
        } catch (Throwable e) {
            // Spring, H2 and Jetty leave non-daemon threads behind: make a failed start-up end the JVM.
            System.err.println("HAPI FHIR server failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(int port, Path keyStore, Path trustStore, String password) throws Exception {
        long t0 = System.nanoTime();

        // 0. Fail fast, before the slow part: the stores must open with the password, and the port must be free.
        loadPkcs12(keyStore, password);
        loadPkcs12(trustStore, password);
        Server jetty = newJetty(port, keyStore, trustStore, password);
        ServerConnector https = (ServerConnector) jetty.getConnectors()[0];
        https.open(); // binds now; connections wait in the backlog until Jetty starts

        // 1. The HAPI JPA stack (Spring, Hibernate, H2): see FhirJpaConfig.
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(FhirJpaConfig.class);
        long t1 = System.nanoTime();

        // 2. The FHIR REST layer over it, mounted at /fhir/*.
        jetty.setHandler(fhirContextHandler(newRestfulServer(spring)));

        // SIGTERM/SIGINT: stop accepting requests, then close Spring (Hibernate, H2, batch2 schedulers).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // shutting down anyway
            }
            spring.close();
        }, "hapi-fhir-shutdown"));

        jetty.start(); // the servlet has init order 1, so RestfulServer.init() has run when this returns
        long t2 = System.nanoTime();
        System.err.printf("HAPI FHIR JPA server started: Spring/JPA %d ms, REST+Jetty %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        System.out.println(READY_PREFIX + "https://localhost:" + https.getLocalPort() + "/fhir");
        System.out.flush();
        jetty.join();
    }

    /** RestfulServer with every JPA resource provider, the system provider (transactions at the base URL) and paging. */
    static RestfulServer newRestfulServer(AnnotationConfigApplicationContext spring) {
        FhirContext ctx = spring.getBean(FhirContext.class);
        IFhirSystemDao<?, ?> systemDao = spring.getBean("mySystemDaoR4", IFhirSystemDao.class);

        RestfulServer server = new RestfulServer(ctx);
        server.registerProviders(spring.getBean("myResourceProvidersR4", ResourceProviderFactory.class).createProviders());
        server.registerProvider(spring.getBean("mySystemProviderR4", JpaSystemProvider.class));
        server.setServerConformanceProvider(new JpaCapabilityStatementProvider(
                server,
                systemDao,
                spring.getBean(JpaStorageSettings.class),
                spring.getBean(ISearchParamRegistry.class),
                spring.getBean(IValidationSupport.class)));
        server.setPagingProvider(spring.getBean(DatabaseBackedPagingProvider.class));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        return server;
    }

    /** Jetty with a single connector: HTTPS on 127.0.0.1, TLS 1.3 only, client certificate required. */
    static Server newJetty(int port, Path keyStore, Path trustStore, String password) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keyStore.toAbsolutePath().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(password);
        tls.setKeyManagerPassword(password);
        tls.setTrustStorePath(trustStore.toAbsolutePath().toString());
        tls.setTrustStoreType("PKCS12");
        tls.setTrustStorePassword(password);
        tls.setIncludeProtocols("TLSv1.3");
        tls.setNeedClientAuth(true);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients may connect to 127.0.0.1 although the certificate names localhost
        http.addCustomizer(secure);

        Server jetty = new Server();
        ServerConnector https = new ServerConnector(jetty,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        https.setHost("127.0.0.1");
        https.setPort(port);
        jetty.addConnector(https);
        jetty.setStopAtShutdown(false); // our shutdown hook stops Jetty, then Spring
        return jetty;
    }

    static ServletContextHandler fhirContextHandler(RestfulServer fhir) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("fhir", fhir);
        holder.setInitOrder(1); // initialise RestfulServer during jetty.start(), not on the first request
        context.addServlet(holder, "/fhir/*");
        return context;
    }

    private static void loadPkcs12(Path store, String password) throws Exception {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
        }
    }

    private static String require(String flag, String value) {
        if (value == null) {
            usage("missing value for " + flag);
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: HapiFhirServer --port <n|0> --key-store <server.p12> "
                + "--trust-store <ca-truststore.p12> --password <pw>");
        System.exit(2);
    }
}
