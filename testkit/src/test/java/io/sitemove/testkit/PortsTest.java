package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsNotFree() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.2", 0));

            assertFalse(Ports.isFree("127.0.0.2", taken.getLocalPort(), false));
        }
    }

    @Test
    void freePortsAreNeverHandedOutTwice() {
        int first = Ports.free(List.of("127.0.0.2", "127.0.0.3"), false);
        int second = Ports.free(List.of("127.0.0.2", "127.0.0.3"), false);

        assertNotEquals(first, second);
    }

    @Test
    void aStartIsRetriedOnAnotherPortWhenItsPortWasTaken() {
        AtomicInteger next = new AtomicInteger(1000);
        List<Integer> tried = new ArrayList<>();

        int port = Ports.withRetries("server", next::incrementAndGet, candidate -> {
            tried.add(candidate);
            if (tried.size() < 3) {
                throw new PortInUseException("port " + candidate + " taken");
            }
            return candidate;
        });

        assertEquals(List.of(1001, 1002, 1003), tried);
        assertEquals(1003, port);
    }

    @Test
    void givesUpAfterThreeTakenPorts() {
        AtomicInteger next = new AtomicInteger(2000);

        assertThrows(PortInUseException.class, () -> Ports.withRetries("server", next::incrementAndGet, candidate -> {
            throw new PortInUseException("port " + candidate + " taken");
        }));
        assertEquals(2003, next.get());
    }
}
