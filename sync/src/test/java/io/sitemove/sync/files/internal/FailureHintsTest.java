package io.sitemove.sync.files.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureHintsTest {

    @Test
    void namesTheUsualPermanentCauses() {
        assertTrue(FailureHints.hint("tar: ./big.bin: Wrote only 8704 of 10240 bytes", "new").contains("new is full"));
        assertTrue(FailureHints.hint("tar: x: Cannot write: No space left on device", "new").contains("is full"));
        assertTrue(FailureHints.hint("mv: cannot move 'a': Operation not permitted", "new").contains("immutable"));
        assertTrue(FailureHints.hint("mkdir: cannot create directory: Permission denied", "new").contains("may not write"));
        assertTrue(FailureHints.hint("touch: Read-only file system", "new").contains("read-only"));
        assertTrue(FailureHints.hint("something else", "new").contains("check free disk and permissions on new"));
    }
}
