package io.sitemove.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class (or method) of the fault suite: a test that does something hostile to a running
 * sync or migration (a server that never answers, a connection killed, a second runner, a file growing
 * while it is sent) and checks the outcome independently of the code under test. The suite runs alone
 * with {@code scripts/test-faults}, or {@code mvn verify -Dgroups=fault}; it is also part of every full
 * test run.
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(FaultTest.TAG)
public @interface FaultTest {
    /** The JUnit tag the suite is selected by. */
    String TAG = "fault";
}
