package io.sitemove.testkit;

/**
 * Thrown when the testkit cannot prepare, start or stop one of its servers.
 *
 * <p>When a server fails to start, the message ends with the last lines of that server's log
 * file, and every server already started by the same {@link Testkit} has been stopped.
 */
public class TestkitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed and, where known, what to do about it
     */
    public TestkitException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and its cause.
     *
     * @param message what failed and, where known, what to do about it
     * @param cause the underlying failure
     */
    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
