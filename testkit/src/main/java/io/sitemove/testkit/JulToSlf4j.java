package io.sitemove.testkit;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (which some drivers use, such as the MySQL binlog client) to SLF4J, as a
 * program that embeds sitemove does once at start: sitemove itself installs no logging handler.
 *
 * <pre>{@code
 * JulToSlf4j.install();   // or, without the testkit: SLF4JBridgeHandler.removeHandlersForRootLogger(); SLF4JBridgeHandler.install();
 * }</pre>
 */
public final class JulToSlf4j {
    private JulToSlf4j() {
    }

    /** Installs the bridge once, replacing the JDK's console handler. */
    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
