package io.sitemove.verify.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from a stream: status line, headers, and a body framed by
 * Content-Length, chunked transfer coding, or the end of the connection. Bodies beyond the limit
 * are cut (the check needs only the start); heads are bounded too, so a hostile server cannot make
 * it hold much.
 */
public final class HttpResponseReader {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private final InputStream in;
    private final int maxBody;

    public HttpResponseReader(InputStream in, int maxBody) {
        this.in = in;
        this.maxBody = maxBody;
    }

    /** Reads the response; IOException when it is not HTTP or ends too soon. */
    public HttpResponse read() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP/1.x status line: '" + Printable.excerpt(statusLine, 80) + "'");
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = headers();
        byte[] body = status / 100 == 1 || status == 204 || status == 304 ? new byte[0] : body(headers);
        return new HttpResponse(status, parts.length > 2 ? parts[2] : "", headers, body);
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0;; count++) {
            String line = line();
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " response headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header: '" + Printable.excerpt(line, 80) + "'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
    }

    private byte[] body(Map<String, String> headers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String coding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
        if (coding.endsWith("chunked")) {
            chunked(out);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new IOException("Content-Length '" + Printable.excerpt(headers.get("content-length"), 40)
                        + "' is not a number", e);
            }
            copy(out, length, true);
        } else {
            copy(out, Long.MAX_VALUE, false);
        }
        return out.toByteArray();
    }

    private void chunked(ByteArrayOutputStream out) throws IOException {
        while (out.size() < maxBody) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("chunk size '" + Printable.excerpt(hex, 20) + "' is not hexadecimal", e);
            }
            if (size == 0) {
                return;
            }
            copy(out, size, true);
            if (!line().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private void copy(ByteArrayOutputStream out, long length, boolean exact) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0 && out.size() < maxBody) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(left, maxBody - out.size())));
            if (n < 0) {
                if (exact) {
                    throw new EOFException("connection closed " + left + " bytes before the end of the body");
                }
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of the response head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }
}
