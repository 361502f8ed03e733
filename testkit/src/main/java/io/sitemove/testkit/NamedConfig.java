package io.sitemove.testkit;

import java.nio.file.Path;

/** The named.conf of the testkit's BIND: one primary zone, updates and transfers only with the TSIG key. */
final class NamedConfig {

    private NamedConfig() {
    }

    static String render(Path dir, Path zoneFile, String host, int port, String keyName, String algorithm, String secret) {
        return String.join("\n",
                "options {",
                "  directory \"" + dir + "\";",
                "  pid-file \"" + dir.resolve("named.pid") + "\";",
                "  session-keyfile \"" + dir.resolve("session.key") + "\";",
                "  managed-keys-directory \"" + dir + "\";",
                "  dump-file \"" + dir.resolve("named_dump.db") + "\";",
                "  statistics-file \"" + dir.resolve("named.stats") + "\";",
                "  listen-on port " + port + " { " + host + "; };",
                "  listen-on-v6 { none; };",
                "  recursion no;",
                "  dnssec-validation no;",
                "  notify no;",
                "  allow-transfer { key \"" + keyName + "\"; };",
                "};",
                "controls { };",
                "key \"" + keyName + "\" {",
                "  algorithm " + algorithm + ";",
                "  secret \"" + secret + "\";",
                "};",
                "zone \"" + DnsZone.ZONE + "\" {",
                "  type primary;",
                "  file \"" + zoneFile + "\";",
                "  update-policy { grant " + keyName + " zonesub ANY; };",
                "};",
                "");
    }
}
