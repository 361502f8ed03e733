package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;
import io.sitemove.spi.CheckResult;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.remote.ssh.SshConnection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The preflight check against a silent overwrite of a non-empty target root: the entries the target
 * holds that the source does not, which a sync deletes. Listed (the first {@link #SHOWN}, with a count);
 * a failed check unless the plan allows it ({@code replaceExisting(true)} or
 * {@code allowMassDeletion(true)}), and a failed check whenever the sync's deletion guard would refuse.
 */
final class TargetOnlyEntries {
    static final int SHOWN = 20;

    private final String component;
    private final FileSyncSettings settings;

    TargetOnlyEntries(String component, FileSyncSettings settings) {
        this.component = component;
        this.settings = settings;
    }

    /** The check, for two connected servers whose roots were found to be directories. */
    CheckResult check(SshConnection from, SshConnection to) {
        RemoteTree source = new RemoteTree(from, settings.sourceRoot());
        RemoteTree target = new RemoteTree(to, settings.targetRoot());
        String check = "entries only the target has under " + target.where();
        try {
            if (!target.isDirectory()) {
                return CheckResult.pass(component, check, "none: the target root does not exist yet");
            }
            DeltaPlan plan = DeltaPlan.compare(source.manifest(false), target.manifest(false),
                    new Exclusions(settings.excludes()));
            return verdict(check, plan, source, target);
        } catch (MigrationException e) {
            return CheckResult.failed(component, check, e);
        }
    }

    private CheckResult verdict(String check, DeltaPlan plan, RemoteTree source, RemoteTree target) {
        long count = plan.vanished();
        if (count == 0) {
            return CheckResult.pass(component, check, "none; " + plan.receiverEntries() + " entries there already");
        }
        List<FileEntry> top = plan.delete();
        String listed = top.stream().limit(SHOWN).map(FileEntry::displayPath).collect(Collectors.joining(", "))
                + (top.size() > SHOWN ? " and " + (top.size() - SHOWN) + " more" : "");
        String what = count + " of the " + plan.receiverEntries() + " entries of " + target.where() + " are not in "
                + source.where() + " and the sync would delete them: " + listed;
        boolean guardRefuses = !settings.allowMassDeletion()
                && count > DeletionGuard.MAX_SHARE * plan.receiverEntries();
        if (guardRefuses) {
            return CheckResult.fail(component, check, what + "; more than " + Math.round(DeletionGuard.MAX_SHARE * 100)
                    + "% of the target, so the sync will refuse it; check the plan's roots, or say "
                    + DeletionGuard.OVERRIDE + " if they may go");
        }
        if (settings.replaceExisting() || settings.allowMassDeletion()) {
            return CheckResult.pass(component, check, "warning: " + what + " (" + (settings.replaceExisting()
                    ? "replaceExisting(true)" : DeletionGuard.OVERRIDE) + " allows it)");
        }
        return CheckResult.fail(component, check, what + "; check the plan's target root, or say"
                + " replaceExisting(true) on the file syncer if the target's own files may be deleted");
    }
}
