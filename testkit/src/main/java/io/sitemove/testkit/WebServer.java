package io.sitemove.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A running nginx with PHP (php-fpm) of the testkit, serving the old or the new site. Both
 * listen on the same port number, each on its own address.
 *
 * <p>Requests for missing paths go to {@code /index.php}, as WordPress expects.
 *
 * @param name {@code "old"} or {@code "new"}
 * @param host the loopback address it listens on: {@code 127.0.0.2} (old) or {@code 127.0.0.3} (new)
 * @param port its HTTP port
 * @param docroot the directory it serves: the {@link SshServer#root()} of the same side
 * @param httpsPort its HTTPS port, with a certificate for {@code site.example.test}, {@code shop.example.test},
 *     {@code www.example.test}, {@code localhost} and both loopback addresses
 * @param caFile the PEM file of the throwaway CA that signed that certificate, trusted by no one by default
 */
public record WebServer(String name, String host, int port, Path docroot, int httpsPort, Path caFile) {

    /**
     * Creates the record; no component may be null.
     *
     * @param name {@code "old"} or {@code "new"}
     * @param host the loopback address it listens on: {@code 127.0.0.2} (old) or {@code 127.0.0.3} (new)
     * @param port its HTTP port
     * @param docroot the directory it serves: the {@link SshServer#root()} of the same side
     * @param httpsPort its HTTPS port
     * @param caFile the PEM file of the CA that signed its certificate
     */
    public WebServer {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(docroot, "docroot cannot be null");
        Objects.requireNonNull(caFile, "caFile cannot be null");
    }

    /**
     * Returns the URI of a path on this server.
     *
     * @param path an absolute path, such as {@code "/index.php"}; a missing leading slash is added
     * @return {@code http://HOST:PORT/path}
     */
    public URI uri(String path) {
        Objects.requireNonNull(path, "path cannot be null");
        return URI.create("http://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path));
    }
}
