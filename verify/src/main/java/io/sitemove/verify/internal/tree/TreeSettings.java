package io.sitemove.verify.internal.tree;

import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.verify.ContentHashes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a tree verifier was built with.
 *
 * @param sourceRoot the absolute root on the source, without a trailing slash
 * @param targetRoot the absolute root on the target, without a trailing slash
 * @param globs the exclusion globs as given (a preset's included), without the staging directory's
 * @param syncerName the file syncer whose last sync the target is compared with
 * @param hashes when content is hashed, for every stage
 * @param stages the stages the verifier runs at
 * @param attributes the attributes compared beyond type, content, mode and link target
 */
public record TreeSettings(String sourceRoot, String targetRoot, List<String> globs, String syncerName,
        Map<VerifyStage, ContentHashes> hashes, Set<VerifyStage> stages, Attributes attributes) {
    /** The glob of an interrupted sync's staging directory, always left out. */
    public static final String STAGING_GLOB = "/" + FileSyncer.STAGING_PREFIX + "*";

    public TreeSettings {
        globs = List.copyOf(globs);
        hashes = Collections.unmodifiableMap(new EnumMap<>(hashes));
        stages = Collections.unmodifiableSet(EnumSet.copyOf(stages));
    }

    /** The exclusions as the file syncer applies them, with the staging directory's. */
    public Exclusions exclusions() {
        List<String> all = new ArrayList<>(globs);
        all.add(STAGING_GLOB);
        return new Exclusions(all);
    }

    /** When content is hashed at this stage; ALWAYS for a stage not set. */
    public ContentHashes hashesAt(VerifyStage stage) {
        return hashes.getOrDefault(stage, ContentHashes.ALWAYS);
    }
}
