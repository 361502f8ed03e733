package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestkitBuilderTest {

    @Test
    void refusesMariaDbOptionsThatAreNotLongOptionsOnOneLine() {
        Testkit.Builder builder = Testkit.builder(Path.of("target/never-started"));
        for (String bad : new String[] {"max-connections=7", "-x", "--", "--a=1\n--b=2", "--general-log\r"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.mariaDb(bad));
            assertTrue(e.getMessage().contains("--name"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> builder.mariaDb((String) null));
    }
}
