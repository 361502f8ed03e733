package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.List;

/** The testkit's SSH client key pair and the authorized_keys file that lets it in. */
record ClientKey(Path privateKey, Path authorizedKeys) {

    static ClientKey create(Path dir) {
        Dirs.create(dir);
        Path privateKey = dir.resolve("id_ed25519");
        Commands.run(List.of(Binaries.sshKeygen().toString(), "-q", "-t", "ed25519", "-N", "",
                "-C", "sitemove-testkit-client", "-f", privateKey.toString()));
        Dirs.chmod(privateKey, "rw-------");
        Path authorizedKeys = dir.resolve("authorized_keys");
        Dirs.writePrivate(authorizedKeys, Dirs.read(dir.resolve("id_ed25519.pub")));
        return new ClientKey(privateKey, authorizedKeys);
    }
}
