package io.sitemove.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a site's URL from one server with curl, the site's host name resolved to that server's address
 * ({@code --resolve}), as a visitor's browser asks once DNS points there: sitemove's own HTTP code plays no
 * part. Redirects are not followed. Each fetch is bounded by 30 s.
 */
final class PinnedCurl {
    private final String address;
    private final Path scratch;

    /**
     * @param address the server's IP address
     * @param scratch a directory for the bodies curl writes
     */
    PinnedCurl(String address, Path scratch) {
        this.address = address;
        this.scratch = scratch;
    }

    /** What the server answered. */
    record Answer(URI uri, int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer get(String url) throws IOException, InterruptedException {
        URI uri = URI.create(url);
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        Files.createDirectories(scratch);
        Path body = Files.createTempFile(scratch, "body", ".bin");
        Process curl = new ProcessBuilder(List.of("curl", "-sS", "--max-time", "30", "--resolve",
                uri.getHost() + ":" + port + ":" + address, "-o", body.toString(), "-w", "%{http_code} %{content_type}",
                url)).redirectErrorStream(true).start();
        byte[] out = curl.getInputStream().readAllBytes();
        if (!curl.waitFor(40, TimeUnit.SECONDS)) {
            curl.destroyForcibly();
            throw new IOException("curl " + url + " did not finish in 40 s");
        }
        String written = new String(out, StandardCharsets.UTF_8).strip();
        if (curl.exitValue() != 0) {
            throw new IOException("curl " + url + " at " + address + " failed: " + written);
        }
        String[] parts = written.split(" ", 2);
        byte[] bytes = Files.readAllBytes(body);
        Files.delete(body);
        return new Answer(uri, Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "", bytes);
    }
}
