package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The named.conf files of the testkit's BIND: the primary (updates and transfers only with the TSIG
 * key, NOTIFY to the secondary when asked) and the secondary (transfers from the primary with the key).
 */
final class NamedConfig {

    private NamedConfig() {
    }

    /**
     * The primary's configuration.
     *
     * @param notifyPort the secondary's port on {@code host} to send NOTIFY to, or empty for no NOTIFY at all
     */
    static String primary(Path dir, Path zoneFile, String host, int port, String keyName, String algorithm,
            String secret, OptionalInt notifyPort) {
        List<String> lines = new ArrayList<>(options(dir, host, port, keyName));
        lines.addAll(key(keyName, algorithm, secret));
        lines.add("zone \"" + DnsZone.ZONE + "\" {");
        lines.add("  type primary;");
        lines.add("  file \"" + zoneFile + "\";");
        lines.add("  update-policy { grant " + keyName + " zonesub ANY; };");
        if (notifyPort.isPresent()) {
            lines.add("  notify explicit;");
            lines.add("  notify-delay 0;");
            lines.add("  also-notify { " + host + " port " + notifyPort.getAsInt() + "; };");
        }
        lines.add("};");
        lines.add("");
        return String.join("\n", lines);
    }

    /** The secondary's configuration: it transfers the zone from the primary at {@code host:primaryPort}. */
    static String secondary(Path dir, Path zoneFile, String host, int port, int primaryPort, String keyName,
            String algorithm, String secret) {
        List<String> lines = new ArrayList<>(options(dir, host, port, keyName));
        lines.addAll(key(keyName, algorithm, secret));
        lines.add("zone \"" + DnsZone.ZONE + "\" {");
        lines.add("  type secondary;");
        lines.add("  file \"" + zoneFile + "\";");
        lines.add("  masterfile-format text;");
        lines.add("  primaries { " + host + " port " + primaryPort + " key \"" + keyName + "\"; };");
        lines.add("  allow-notify { key \"" + keyName + "\"; };");
        lines.add("};");
        lines.add("");
        return String.join("\n", lines);
    }

    private static List<String> options(Path dir, String host, int port, String keyName) {
        return List.of(
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
                "controls { };");
    }

    private static List<String> key(String keyName, String algorithm, String secret) {
        return List.of(
                "key \"" + keyName + "\" {",
                "  algorithm " + algorithm + ";",
                "  secret \"" + secret + "\";",
                "};");
    }
}
