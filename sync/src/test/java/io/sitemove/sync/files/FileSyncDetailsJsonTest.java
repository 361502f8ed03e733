package io.sitemove.sync.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitemove.spi.Direction;
import org.junit.jupiter.api.Test;

/** A file sync's details go to JSON and back unchanged, as the engine journals them, with their data only. */
class FileSyncDetailsJsonTest {
    @Test
    void theDetailsRoundTripAndSayInOneLineWhatTheSyncDid() throws Exception {
        FileSyncDetails details = new FileSyncDetails(Route.DIRECT, Direction.FORWARD, 1204, 1100, 120, 1, 2,
                38_000_000, 0, true, 40, 3);
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(details);

        assertEquals(details, json.readValue(text, FileSyncDetails.class), text);
        assertTrue(text.contains("\"route\":\"DIRECT\"") && text.contains("\"wireBytes\":38000000"), text);
        assertFalse(text.contains("summary"), text);
        assertEquals("direct FORWARD: 120 of 1204 entries sent, 38000000 bytes over the network, 2 kept from an"
                + " interrupted sync; content compared for 40 files, 3 differed", details.summary());
    }
}
