package io.sitemove.internal;

/** The names of the steps the engine journals. */
final class StepNames {
    static final String PREFLIGHT = "checks";
    static final String VERIFY = "verify";
    static final String DNS_READ = "dns-read";
    static final String LOWER_TTL = "lower-ttl";
    static final String BACKUP = "backup";
    static final String MAINTENANCE_ON = "maintenance-on";
    static final String DNS_SWITCH = "dns-switch";
    static final String PROPAGATION = "propagation";
    static final String WATCH = "watch";
    static final String RESTORE_TTL = "restore-ttl";
    static final String CLEANUP = "cleanup";
    static final String ROLLBACK_MAINTENANCE_TARGET = "rollback:maintenance-target";
    static final String ROLLBACK_DNS = "rollback:dns-revert";
    static final String ROLLBACK_MAINTENANCE_SOURCE = "rollback:maintenance-source-off";

    private StepNames() {
    }

    static String sync(String syncer) {
        return "sync:" + syncer;
    }

    static String finalSync(String syncer) {
        return "final:" + syncer;
    }

    static String deltaRound(int round) {
        return "delta-" + round;
    }

    static String delta(int round, String syncer) {
        return deltaRound(round) + ":" + syncer;
    }

    static String reverse(String syncer) {
        return "rollback:reverse:" + syncer;
    }
}
