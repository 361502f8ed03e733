package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.List;

/**
 * A throwaway CA made by {@code openssl} for one testkit, and the certificate it signed for both web servers:
 * the test site names and the loopback addresses. Nothing is trusted unless a test hands a client the CA file.
 */
record TlsFiles(Path caPem, Path certificate, Path key) {
    static final List<String> NAMES = List.of("site.example.test", "shop.example.test", "www.example.test",
            "localhost");

    static TlsFiles create(Path dir) {
        Dirs.create(dir);
        Path openssl = Path.of("openssl");
        TlsFiles files = new TlsFiles(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
        StringBuilder san = new StringBuilder("subjectAltName=");
        NAMES.forEach(name -> san.append("DNS:").append(name).append(','));
        san.append("IP:").append(Side.OLD.host()).append(",IP:").append(Side.NEW.host());
        Dirs.write(dir.resolve("server.ext"), san + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        String ec = "ec_paramgen_curve:P-256";
        Commands.run(List.of(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", ec, "-nodes",
                "-keyout", dir.resolve("ca.key").toString(), "-out", files.caPem.toString(), "-days", "2",
                "-subj", "/CN=sitemove testkit CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        Commands.run(List.of(openssl.toString(), "req", "-newkey", "ec", "-pkeyopt", ec, "-nodes",
                "-keyout", files.key.toString(), "-out", dir.resolve("server.csr").toString(),
                "-subj", "/CN=site.example.test"));
        Commands.run(List.of(openssl.toString(), "x509", "-req", "-in", dir.resolve("server.csr").toString(),
                "-CA", files.caPem.toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                "-out", files.certificate.toString(), "-days", "2", "-extfile", dir.resolve("server.ext").toString()));
        return files;
    }
}
