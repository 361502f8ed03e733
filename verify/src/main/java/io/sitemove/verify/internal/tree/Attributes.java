package io.sitemove.verify.internal.tree;

import java.util.Objects;
import java.util.Optional;

/**
 * Which attributes beyond type, content, mode and link target are compared.
 *
 * @param owner whether owners are compared
 * @param targetOwner the {@code user:group} every target entry must have, if the file syncer gives it one;
 *     else the target's entries must have the source's owners
 * @param mtime whether the mtimes of files and directories are compared (whole seconds)
 */
public record Attributes(boolean owner, Optional<String> targetOwner, boolean mtime) {
    public Attributes {
        Objects.requireNonNull(targetOwner, "targetOwner cannot be null");
    }
}
