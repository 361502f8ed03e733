package io.sitemove.testkit;

/** A server could not bind its port because something else took it first; start again on another. */
final class PortInUseException extends TestkitException {

    private static final long serialVersionUID = 1L;

    PortInUseException(String message) {
        super(message);
    }
}
