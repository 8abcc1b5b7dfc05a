package io.citykpi.testkit;

import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface (health, metrics) of the service under test, on its own free port. */
public final class Management {

    private Management() {
    }

    /** e.g. {@code url("/q/health/ready")}. */
    public static String url(String path) {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port + path;
    }
}
