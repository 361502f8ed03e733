package io.sitemove.verify.internal.env;

/**
 * What one server runs, as gathered over SSH.
 *
 * @param server the server's name, for details
 * @param php the command-line PHP, or null when the configured command is not there
 * @param fpm the PHP-FPM binary of the same version, or null
 * @param fpmNote why the FPM pool was not checked, when {@code fpm} is null
 * @param webServer the web server and its version ("nginx/1.22.1"), or null when none was found
 */
public record HostFacts(String server, PhpFacts php, FpmFacts.Fpm fpm, String fpmNote, String webServer) {
    /** The web server's product ("nginx", "Apache"), or null. */
    public String webServerProduct() {
        return webServer == null ? null : webServer.split("/")[0];
    }
}
