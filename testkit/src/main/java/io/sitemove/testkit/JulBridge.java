package io.sitemove.testkit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sends java.util.logging (which some drivers use, such as the MySQL binlog client) to SLF4J for a
 * test run, so its lines land where the tests' own logging goes. sitemove itself installs no logging
 * handler; a module's tests opt in by naming this class in
 * {@code src/test/resources/META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class JulBridge implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        JulToSlf4j.install();
    }
}
