package io.sitemove.wordpress.internal;

import io.sitemove.spi.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every attachment on the target has its file under the target's uploads directory. A file missing on
 * the source too was missing before the migration (INFO); one changed on the source since the last file
 * sync started is on its way (pending); a name that is not a plain path under the uploads directory is
 * not looked up (WARNING). At most {@code maxListed} of each are listed, then one finding counts the rest.
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
     * Adds the findings; returns how many files the migration lost (pending ones not counted).
     *
     * @param pendingSince when the last file sync started, or null when nothing is pending (no sync known,
     *     or the cutover, when the source is read-only and everything must match)
     */
    public long check(List<AttachedFile> onTarget, UploadDirs dirs, Instant pendingSince, List<Finding> findings) {
        Map<String, AttachedFile> byFile = safeFiles(onTarget, dirs.targetUploads(), findings);
        Set<String> missing = UploadProbe.missing(dirs.target(), dirs.targetUploads(), new ArrayList<>(byFile.keySet()));
        Map<String, Long> onSource = UploadProbe.mtimes(dirs.source(), dirs.sourceUploads(), new ArrayList<>(missing));
        long lost = 0;
        long before = 0;
        for (String name : missing) {
            AttachedFile file = byFile.get(name);
            String subject = dirs.targetUploads() + "/" + name;
            Long mtime = onSource.get(name);
            if (mtime == null) {
                if (before++ < maxListed) {
                    findings.add(Finding.info(CHECK, subject, "attachment " + file.id()
                            + "'s file is missing, already missing on the source " + dirs.sourceUploads() + "/" + name));
                }
            } else if (pendingSince != null && mtime >= pendingSince.getEpochSecond()) {
                findings.add(Finding.blocking(CHECK, subject, "the file of attachment " + file.id() + " (written on the"
                        + " source at " + Instant.ofEpochSecond(mtime) + ", after the last file sync started)", "missing",
                        "the next file sync brings it").asPending());
            } else if (lost++ < maxListed) {
                findings.add(Finding.blocking(CHECK, subject, "the file of attachment " + file.id()
                        + " (present on the source)", "missing", "sync the files again"));
            }
        }
        summarise(lost, before, dirs, findings);
        return lost;
    }

    private Map<String, AttachedFile> safeFiles(List<AttachedFile> onTarget, String targetUploads,
            List<Finding> findings) {
        Map<String, AttachedFile> byFile = new LinkedHashMap<>();
        int unsafe = 0;
        for (AttachedFile file : onTarget) {
            if (!safe(file.file())) {
                if (unsafe++ < maxListed) {
                    findings.add(Finding.warning(CHECK, "attachment " + file.id() + " (_wp_attached_file)",
                            "a path under " + targetUploads, "'" + printable(file.file()) + "', not checked",
                            "fix the attachment's _wp_attached_file meta"));
                }
            } else {
                byFile.putIfAbsent(file.file(), file);
            }
        }
        return byFile;
    }

    private void summarise(long lost, long before, UploadDirs dirs, List<Finding> findings) {
        if (lost > maxListed) {
            long more = lost - maxListed;
            findings.add(Finding.blocking(CHECK, dirs.targetUploads(), "every attachment's file", more
                    + " more missing " + files(more) + " not listed", "sync the files again"));
        }
        if (before > maxListed) {
            long more = before - maxListed;
            findings.add(Finding.info(CHECK, dirs.targetUploads(), more + " more attachment " + files(more)
                    + " missing, already missing on the source"));
        }
    }

    private static String files(long n) {
        return n == 1 ? "file" : "files";
    }

    /** Whether the name is a plain path under the uploads directory: relative, no {@code .}, {@code ..} or empty segment, no control character. */
    static boolean safe(String name) {
        return !name.isEmpty() && !name.endsWith("/") && !UNSAFE.matcher(name).find();
    }

    private static String printable(String name) {
        return name.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }
}
