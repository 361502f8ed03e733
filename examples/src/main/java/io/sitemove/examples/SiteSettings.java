package io.sitemove.examples;

import io.sitemove.Secret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * What a panel knows about one site to migrate: two SSH servers, the document roots, the two
 * databases and the DNS zone. Read from a properties file by {@link #fromProperties(Properties)}.
 *
 * @param site the site's name
 * @param oldHost the old server's address
 * @param oldSshPort its SSH port
 * @param newHost the new server's address
 * @param newSshPort its SSH port
 * @param sshUser the SSH user on both
 * @param sshKey the private key
 * @param knownHosts the known_hosts file holding both servers' host keys
 * @param oldDocroot the document root on the old server
 * @param newDocroot the document root on the new server
 * @param oldDbPort the old MariaDB/MySQL port (on the old host)
 * @param newDbPort the new one's (on the new host)
 * @param database the database name
 * @param oldDbUser the database user on the old server
 * @param oldDbPassword its password
 * @param newDbUser the database user on the new server
 * @param newDbPassword its password
 * @param dnsServer the primary DNS server's address
 * @param dnsPort its port
 * @param zone the zone ("example.com.")
 * @param tsigKeyName the TSIG key's name
 * @param tsigAlgorithm the TSIG algorithm ("hmac-sha256")
 * @param tsigSecret the TSIG secret (base64)
 * @param appDbUser the site's own database account on the old server ("wp@%"), made read-only for the
 *     final sync; empty when the site's account is not known
 * @param siteName the DNS name that moves ("shop.example.com.")
 * @param dnsTtl the TTL the record has after the migration
 */
public record SiteSettings(String site, String oldHost, int oldSshPort, String newHost, int newSshPort, String sshUser,
        Path sshKey, Path knownHosts, String oldDocroot, String newDocroot, int oldDbPort, int newDbPort, String database,
        String oldDbUser, Secret oldDbPassword, String newDbUser, Secret newDbPassword, String dnsServer, int dnsPort, String zone, String tsigKeyName,
        String tsigAlgorithm, Secret tsigSecret, String appDbUser, String siteName, long dnsTtl) {

    public SiteSettings {
        Objects.requireNonNull(site, "site cannot be null");
        Objects.requireNonNull(oldDbPassword, "oldDbPassword cannot be null");
        Objects.requireNonNull(newDbPassword, "newDbPassword cannot be null");
        Objects.requireNonNull(tsigSecret, "tsigSecret cannot be null");
        Objects.requireNonNull(appDbUser, "appDbUser cannot be null");
    }

    /** Reads the settings from properties named like the components ({@code site}, {@code oldHost}, ...). */
    public static SiteSettings fromProperties(Properties p) {
        return new SiteSettings(req(p, "site"), req(p, "oldHost"), num(p, "oldSshPort"), req(p, "newHost"),
                num(p, "newSshPort"), req(p, "sshUser"), Path.of(req(p, "sshKey")), Path.of(req(p, "knownHosts")),
                req(p, "oldDocroot"), req(p, "newDocroot"), num(p, "oldDbPort"), num(p, "newDbPort"), req(p, "database"),
                req(p, "oldDbUser"), Secret.of(req(p, "oldDbPassword")), req(p, "newDbUser"), Secret.of(req(p, "newDbPassword")),
                req(p, "dnsServer"), num(p, "dnsPort"), req(p, "zone"),
                req(p, "tsigKeyName"), req(p, "tsigAlgorithm"), Secret.of(req(p, "tsigSecret")), p.getProperty("appDbUser", "").trim(), req(p, "siteName"),
                num(p, "dnsTtl"));
    }

    /** The settings as properties, secrets included: for handing them to a child process, never for logging. */
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("site", site);
        p.setProperty("oldHost", oldHost);
        p.setProperty("oldSshPort", Integer.toString(oldSshPort));
        p.setProperty("newHost", newHost);
        p.setProperty("newSshPort", Integer.toString(newSshPort));
        p.setProperty("sshUser", sshUser);
        p.setProperty("sshKey", sshKey.toString());
        p.setProperty("knownHosts", knownHosts.toString());
        p.setProperty("oldDocroot", oldDocroot);
        p.setProperty("newDocroot", newDocroot);
        p.setProperty("oldDbPort", Integer.toString(oldDbPort));
        p.setProperty("newDbPort", Integer.toString(newDbPort));
        p.setProperty("database", database);
        p.setProperty("oldDbUser", oldDbUser);
        p.setProperty("oldDbPassword", oldDbPassword.reveal());
        p.setProperty("newDbUser", newDbUser);
        p.setProperty("newDbPassword", newDbPassword.reveal());
        p.setProperty("dnsServer", dnsServer);
        p.setProperty("dnsPort", Integer.toString(dnsPort));
        p.setProperty("zone", zone);
        p.setProperty("tsigKeyName", tsigKeyName);
        p.setProperty("tsigAlgorithm", tsigAlgorithm);
        p.setProperty("tsigSecret", tsigSecret.reveal());
        p.setProperty("appDbUser", appDbUser);
        p.setProperty("siteName", siteName);
        p.setProperty("dnsTtl", Long.toString(dnsTtl));
        return p;
    }

    /** The same settings with another TSIG secret. */
    public SiteSettings withTsigSecret(Secret secret) {
        return new SiteSettings(site, oldHost, oldSshPort, newHost, newSshPort, sshUser, sshKey, knownHosts, oldDocroot,
                newDocroot, oldDbPort, newDbPort, database, oldDbUser, oldDbPassword, newDbUser, newDbPassword, dnsServer, dnsPort, zone, tsigKeyName,
                tsigAlgorithm, secret, appDbUser, siteName, dnsTtl);
    }

    /** The same settings with another known_hosts file. */
    public SiteSettings withKnownHosts(Path file) {
        return new SiteSettings(site, oldHost, oldSshPort, newHost, newSshPort, sshUser, sshKey, file, oldDocroot,
                newDocroot, oldDbPort, newDbPort, database, oldDbUser, oldDbPassword, newDbUser, newDbPassword, dnsServer, dnsPort, zone, tsigKeyName,
                tsigAlgorithm, tsigSecret, appDbUser, siteName, dnsTtl);
    }

    private static String req(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("setting '" + key + "' is missing");
        }
        return v.trim();
    }

    private static int num(Properties p, String key) {
        try {
            return Integer.parseInt(req(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' is not a number", e);
        }
    }

    @Override
    public String toString() {
        return "SiteSettings[" + site + ": " + oldHost + " -> " + newHost + ", db " + database + ", dns " + siteName + "]";
    }
}
