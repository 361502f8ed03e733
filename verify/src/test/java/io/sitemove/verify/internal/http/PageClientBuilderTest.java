package io.sitemove.verify.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PageClientBuilderTest {
    @Test
    void aPinTakesAnIpAddressNeverANameThatWouldNeedTheSystemsDns() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PageClient.builder().pin("shop.example.test", "new-server.example.net", 80));

        assertEquals("address must be an IP address, was 'new-server.example.net'", refused.getMessage());
    }

    @Test
    void refusesBadValuesAsTheyAreGiven() {
        PageClientBuilder b = PageClient.builder();

        assertEquals("port must be 1..65535, was 0",
                assertThrows(IllegalArgumentException.class, () -> b.pin("a.test", "127.0.0.1", 0)).getMessage());
        assertEquals("host cannot be null",
                assertThrows(NullPointerException.class, () -> b.pin(null, "127.0.0.1", 80)).getMessage());
        assertEquals("responseTimeout must be positive, was PT0S",
                assertThrows(IllegalArgumentException.class, () -> b.responseTimeout(Duration.ZERO)).getMessage());
        assertEquals("maxRedirects cannot be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> b.maxRedirects(-1)).getMessage());
        assertEquals("maxBodyBytes must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> b.maxBodyBytes(0)).getMessage());
    }

    @Test
    void aDeadlineShorterThanTheConnectBoundIsAConflict() {
        PageClientBuilder b = PageClient.builder().connectTimeout(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(1));

        IllegalStateException conflict = assertThrows(IllegalStateException.class, b::build);

        assertEquals("deadline (PT1S) is shorter than connectTimeout (PT5S); give the whole fetch at least the time"
                + " to connect", conflict.getMessage());
    }
}
