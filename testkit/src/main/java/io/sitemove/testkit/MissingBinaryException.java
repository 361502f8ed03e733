package io.sitemove.testkit;

/**
 * Thrown when a program the testkit needs (a server or a tool) is not installed; the message
 * names the Debian package that provides it, for example
 * {@code "sshd not found; install it: apt-get install openssh-server"}.
 */
public final class MissingBinaryException extends TestkitException {

    private static final long serialVersionUID = 1L;

    /** The missing program's name. */
    private final String binary;
    /** The Debian package that installs it. */
    private final String debianPackage;

    /**
     * Creates the exception for one missing program.
     *
     * @param binary the program's name, such as {@code sshd}
     * @param debianPackage the Debian package that installs it, such as {@code openssh-server}
     */
    public MissingBinaryException(String binary, String debianPackage) {
        super(binary + " not found; install it: apt-get install " + debianPackage);
        this.binary = binary;
        this.debianPackage = debianPackage;
    }

    /**
     * Returns the missing program's name.
     *
     * @return the program's name, such as {@code sshd}
     */
    public String binary() {
        return binary;
    }

    /**
     * Returns the Debian package that installs the program.
     *
     * @return the package name, such as {@code openssh-server}
     */
    public String debianPackage() {
        return debianPackage;
    }
}
