package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinariesTest {

    @Test
    void aMissingProgramNamesTheDebianPackageToInstall() {
        MissingBinaryException missing = assertThrows(MissingBinaryException.class,
                () -> Binaries.require("sitemove-no-such-program", "sitemove-tools"));

        assertEquals("sitemove-no-such-program not found; install it: apt-get install sitemove-tools",
                missing.getMessage());
        assertEquals("sitemove-tools", missing.debianPackage());
    }

    @Test
    void programsAreFoundByAbsolutePath() {
        assertTrue(Binaries.require("sh", "dash").isAbsolute());
    }
}
