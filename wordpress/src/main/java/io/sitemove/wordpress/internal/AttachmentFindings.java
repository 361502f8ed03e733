package io.sitemove.wordpress.internal;

import io.sitemove.Server;
import io.sitemove.spi.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every attachment on the target has its file under the target's uploads directory. A file missing on
 * the source too was missing before the migration (INFO); a name that is not a plain path under the
 * uploads directory is not looked up (WARNING). At most {@code maxListed} of each are listed.
 */
public final class AttachmentFindings {
    private static final String CHECK = "upload-file";
    private static final Pattern UNSAFE = Pattern.compile("(^|/)\\.{1,2}(/|$)|^/|//|[\\x00-\\x1f\\x7f]");

    private final int maxListed;

    /** @param maxListed the most files of each kind listed */
    public AttachmentFindings(int maxListed) {
        this.maxListed = maxListed;
    }

    /**
     * Adds the findings; returns how many files the migration lost.
     *
     * @param sourceUploads the uploads directory on the source, absolute
     * @param targetUploads the uploads directory on the target, absolute
     */
    public long check(List<AttachedFile> onTarget, Server source, String sourceUploads, Server target,
            String targetUploads, List<Finding> findings) {
        Map<String, AttachedFile> byFile = new LinkedHashMap<>();
        int unsafe = 0;
        for (AttachedFile file : onTarget) {
            if (file.file().isEmpty() || UNSAFE.matcher(file.file()).find()) {
                if (unsafe++ < maxListed) {
                    findings.add(Finding.warning(CHECK, "attachment " + file.id() + " (_wp_attached_file)",
                            "a path under " + targetUploads, "'" + printable(file.file()) + "', not checked",
                            "fix the attachment's _wp_attached_file meta"));
                }
            } else {
                byFile.putIfAbsent(file.file(), file);
            }
        }
        Set<String> missing = UploadProbe.missing(target, targetUploads, new ArrayList<>(byFile.keySet()));
        Set<String> missingOnSource = UploadProbe.missing(source, sourceUploads, new ArrayList<>(missing));
        long lost = 0;
        int listedOld = 0;
        for (String name : missing) {
            AttachedFile file = byFile.get(name);
            String subject = targetUploads + "/" + name;
            if (missingOnSource.contains(name)) {
                if (listedOld++ < maxListed) {
                    findings.add(Finding.info(CHECK, subject, "attachment " + file.id()
                            + "'s file is missing, already missing on the source " + sourceUploads + "/" + name));
                }
            } else if (lost++ < maxListed) {
                findings.add(Finding.blocking(CHECK, subject, "the file of attachment " + file.id()
                        + " (present on the source)", "missing", "sync the files again"));
            }
        }
        if (lost > maxListed) {
            findings.add(Finding.blocking(CHECK, targetUploads, "every attachment's file", (lost - maxListed)
                    + " more missing " + (lost - maxListed == 1 ? "file" : "files") + " not listed", "sync the files again"));
        }
        return lost;
    }

    private static String printable(String name) {
        return name.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }
}
