package io.sitemove.testkit;

/** Who the JVM runs as: servers need extra flags to run as root. */
final class RunningAs {

    private RunningAs() {
    }

    static String user() {
        return System.getProperty("user.name");
    }

    static boolean root() {
        return "root".equals(user());
    }
}
