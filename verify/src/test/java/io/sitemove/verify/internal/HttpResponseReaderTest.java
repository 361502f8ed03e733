package io.sitemove.verify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {
    @Test
    void readsABodyFramedByContentLength() throws IOException {
        HttpResponse r = read("HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\nX-A: 1\r\nX-A: 2\r\n\r\nhello-extra", 100);

        assertEquals(404, r.status());
        assertEquals("Not Found", r.reason());
        assertEquals("1, 2", r.headers().get("x-a"));
        assertEquals("hello", r.bodyText());
    }

    @Test
    void readsAChunkedBody() throws IOException {
        HttpResponse r = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 100);

        assertEquals("hello world", r.bodyText());
    }

    @Test
    void readsUntilCloseWithoutFramingAndCutsAtTheLimit() throws IOException {
        assertEquals("abcdef", read("HTTP/1.0 200 OK\r\n\r\nabcdef", 100).bodyText());
        assertEquals("abc", read("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nabcdef", 3).bodyText());
    }

    @Test
    void refusesWhatIsNotHttp() {
        assertThrows(IOException.class, () -> read("SSH-2.0-OpenSSH\r\n\r\n", 100));
        assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", 100));
        assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nbroken header\r\n\r\n", 100));
        assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\n", 100));
    }

    @Test
    void theRequestNamesTheUrlsHostAndAsksForItsPathAndQuery() {
        assertEquals("GET /a%20b/c.php?x=1&y=2 HTTP/1.1\r\nHost: site.example.test:8080\r\n"
                + "User-Agent: sitemove-verify\r\nAccept: */*\r\nConnection: close\r\n\r\n",
                PinnedHttpGet.request(URI.create("http://site.example.test:8080/a%20b/c.php?x=1&y=2")));
        assertTrue(PinnedHttpGet.request(URI.create("http://site.example.test"))
                .startsWith("GET / HTTP/1.1\r\nHost: site.example.test\r\nUser-Agent"));
    }

    private static HttpResponse read(String raw, int maxBody) throws IOException {
        return new HttpResponseReader(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), maxBody).read();
    }
}
