package io.sitemove.testkit;

/** The master file of the testkit's zone: SOA carrying a start token, NS, and the site records. */
final class DnsZone {

    static final String ZONE = "example.test.";
    static final String DEFAULT_SITE_RECORDS = String.join("\n",
            "site 300 IN A 127.0.0.2",
            "www.site 300 IN A 127.0.0.2");

    private DnsZone() {
    }

    /** The SOA's responsible-person name; it carries a token that proves the answer came from our server. */
    static String hostmaster(String token) {
        return "hostmaster-" + token + "." + ZONE;
    }

    static String masterFile(String token, String nameServerAddress, String siteRecords) {
        return String.join("\n",
                "$ORIGIN " + ZONE,
                "$TTL 300",
                "@ IN SOA ns1." + ZONE + " " + hostmaster(token) + " ( 1 3600 600 86400 60 )",
                "@ IN NS ns1." + ZONE,
                "ns1 IN A " + nameServerAddress,
                siteRecords.strip(),
                "");
    }
}
