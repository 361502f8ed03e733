package io.sitemove.wordpress;

import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.MaintenanceContext;
import io.sitemove.spi.MaintenanceMode;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.Side;
import io.sitemove.remote.RemotePaths;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WordPress's own maintenance mode: a {@code .maintenance} file in the document root, written
 * atomically over SSH, makes WordPress answer every visitor with its maintenance page (HTTP 503) for as
 * long as it is there: its {@code $upgrading} is the time of each request, so WordPress's ten-minute expiry
 * of a stale marker never ends a long final sync's maintenance.
 *
 * <pre>{@code
 * MaintenanceMode maintenance = new WordPressMaintenance("/var/www/shop", "/srv/www/shop");
 * }</pre>
 */
public final class WordPressMaintenance implements MaintenanceMode {
    /**
     * The file that marks maintenance, relative to the document root. Exclude it from the file
     * syncer and the tree verifier, or the final sync would copy the old site's maintenance page to the new one.
     */
    public static final String MARKER = ".maintenance";

    /**
     * What the file holds. WordPress ignores a marker whose {@code $upgrading} is ten minutes old or more;
     * this one sets it to the time of each request, so maintenance holds through a final sync of any length
     * without rewriting the file, and ends only when {@link #disable} removes it.
     */
    static final String CONTENT = "<?php $upgrading = time(); ?>";
    private static final String WRITE_ATOMICALLY =
            "tmp=\"$1/.maintenance.sitemove.$$\"; printf '%s\\n' \"$2\" > \"$tmp\" && mv -f -- \"$tmp\" \"$1/.maintenance\"";

    private final String sourceDocroot;
    private final String targetDocroot;

    /**
     * @param sourceDocroot the WordPress document root on the source server (absolute)
     * @param targetDocroot the WordPress document root on the target server (absolute)
     */
    public WordPressMaintenance(String sourceDocroot, String targetDocroot) {
        this.sourceDocroot = RemotePaths.checkRoot(Objects.requireNonNull(sourceDocroot,
                "sourceDocroot cannot be null"), "sourceDocroot");
        this.targetDocroot = RemotePaths.checkRoot(Objects.requireNonNull(targetDocroot,
                "targetDocroot cannot be null"), "targetDocroot");
    }

    private String docroot(Side side) {
        return side == Side.SOURCE ? sourceDocroot : targetDocroot;
    }

    @Override
    public void enable(MaintenanceContext ctx) {
        String docroot = docroot(ctx.side());
        run(ctx, List.of("sh", "-c", WRITE_ATOMICALLY, "sh", docroot, CONTENT))
                .requireSuccess("write " + docroot + "/.maintenance to turn on WordPress maintenance");
    }

    @Override
    public void disable(MaintenanceContext ctx) {
        String docroot = docroot(ctx.side());
        run(ctx, List.of("rm", "-f", "--", docroot + "/.maintenance"))
                .requireSuccess("remove " + docroot + "/.maintenance to turn off WordPress maintenance");
    }

    @Override
    public boolean isEnabled(MaintenanceContext ctx) {
        String file = docroot(ctx.side()) + "/.maintenance";
        ExecResult test = run(ctx, List.of("test", "-f", file));
        if (test.exitCode() > 1) {
            test.requireSuccess("check whether " + file + " exists");
        }
        return test.exitCode() == 0;
    }

    private static ExecResult run(MaintenanceContext ctx, List<String> argv) {
        Server server = ctx.server(ctx.side());
        try (SshConnection ssh = SshConnection.open(server)) {
            return ssh.exec(argv);
        }
    }

    @Override
    public List<CheckResult> preflight(PreflightContext ctx) {
        List<CheckResult> checks = new ArrayList<>();
        check(ctx.source(), sourceDocroot, checks);
        check(ctx.target(), targetDocroot, checks);
        return checks;
    }

    private static void check(Server server, String docroot, List<CheckResult> checks) {
        String check = "WordPress docroot " + docroot + " on " + server.name();
        try (SshConnection ssh = SshConnection.open(server)) {
            boolean ok = ssh.exec(List.of("sh", "-c", "test -d \"$1\" && test -w \"$1\"", "sh", docroot)).exitCode() == 0;
            checks.add(ok ? CheckResult.pass("maintenance", check, "exists and is writable")
                    : CheckResult.fail("maintenance", check, docroot + " is missing or not writable for "
                    + server.user() + " on " + server + "; the .maintenance file could not be written there"));
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            checks.add(CheckResult.failed("maintenance", check, e));
        }
    }

    @Override
    public String toString() {
        return "WordPressMaintenance[" + sourceDocroot + ", " + targetDocroot + "]";
    }
}
