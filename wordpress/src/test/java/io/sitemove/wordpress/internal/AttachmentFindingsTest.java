package io.sitemove.wordpress.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttachmentFindingsTest {

    @Test
    void looksUpOnlyPlainPathsUnderTheUploadsDirectory() {
        assertTrue(AttachmentFindings.safe("2026/12/photo.jpg"));
        assertTrue(AttachmentFindings.safe("2026/12/it's a photo (1).jpg"));
        assertTrue(AttachmentFindings.safe("-n.jpg"));
        assertTrue(AttachmentFindings.safe("..hidden/x.jpg"));
        assertFalse(AttachmentFindings.safe(""));
        assertFalse(AttachmentFindings.safe("/etc/passwd"));
        assertFalse(AttachmentFindings.safe("../../wp-config.php"));
        assertFalse(AttachmentFindings.safe("2026/../../x"));
        assertFalse(AttachmentFindings.safe("2026/./x.jpg"));
        assertFalse(AttachmentFindings.safe("2026//x.jpg"));
        assertFalse(AttachmentFindings.safe("2026/12/"));
        assertFalse(AttachmentFindings.safe("2026/12/x.jpg\nother"));
        assertFalse(AttachmentFindings.safe("x\0y"));
    }
}
