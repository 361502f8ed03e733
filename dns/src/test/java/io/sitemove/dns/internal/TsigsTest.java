package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.Secret;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.TSIG;

class TsigsTest {
    @Test
    void algorithmNamesMapToTheirTsigNames() {
        assertEquals(TSIG.HMAC_SHA256, Tsigs.algorithm("hmac-sha256"));
        assertEquals(TSIG.HMAC_SHA512, Tsigs.algorithm("HMAC-SHA512."));
        assertEquals(TSIG.HMAC_SHA1, Tsigs.algorithm("hmac-sha1"));
        assertEquals(TSIG.HMAC_MD5, Tsigs.algorithm("hmac-md5"));
        assertEquals(TSIG.HMAC_MD5, Tsigs.algorithm("hmac-md5.sig-alg.reg.int."));
        assertThrows(IllegalArgumentException.class, () -> Tsigs.algorithm("gss-tsig"));
    }

    @Test
    void secretsDecodeAndBadOnesAreNotShown() {
        assertEquals(4, Tsigs.decode("k.", Secret.of("AQIDBA==")).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tsigs.decode("k.", Secret.of("hunter2!")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tsigs.decode("k.", Secret.of("")));
    }

    @Test
    void serialsCompareInSerialArithmetic() {
        assertEquals(true, SerialNumbers.atLeast(5, 5));
        assertEquals(true, SerialNumbers.atLeast(6, 5));
        assertEquals(false, SerialNumbers.atLeast(4, 5));
        assertEquals(true, SerialNumbers.atLeast(2, 0xfffffffeL));
        assertEquals(false, SerialNumbers.atLeast(0xfffffffeL, 2));
    }
}
