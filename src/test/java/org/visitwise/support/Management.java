package org.visitwise.support;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The management interface of the application under test (health and metrics): its own port. */
public final class Management {

    private Management() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port());
    }

    /** The port the management interface listens on in this test run (chosen at start-up). */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .filter(p -> p > 0).orElseGet(() -> ConfigProvider.getConfig().getValue("quarkus.management.port", Integer.class));
    }
}
