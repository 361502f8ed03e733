package io.sitemove.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitemove.MigrationReport;
import io.sitemove.PhaseReport;
import java.time.Duration;
import java.util.Optional;

/**
 * A migration report as JSON for a panel: durations in milliseconds, what is unknown left out, the
 * findings with the fields of {@link io.sitemove.spi.Finding}.
 */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    /** The report as one JSON object. */
    public static String of(MigrationReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("site", r.site());
        root.put("state", r.status().state().name());
        ArrayNode phases = root.putArray("phases");
        for (PhaseReport p : r.phases()) {
            phases.add(phase(p));
        }
        millis(root, "estimatedFinalSyncMs", r.estimatedFinalSync());
        millis(root, "actualFinalSyncMs", r.actualFinalSync());
        millis(root, "downtimeMs", r.downtime());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report of " + r.site() + " cannot be written as JSON", e);
        }
    }

    private static ObjectNode phase(PhaseReport p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("phase", p.phase().name());
        n.put("completed", p.completed());
        n.put("durationMs", p.duration().toMillis());
        ObjectNode moved = n.putObject("moved");
        moved.put("bytes", p.moved().bytes());
        moved.put("files", p.moved().files());
        moved.put("rows", p.moved().rows());
        n.put("deleted", p.deleted());
        n.put("syncs", p.syncs());
        p.verifications().forEach(n.putArray("verifications")::add);
        p.notes().forEach(n.putArray("notes")::add);
        n.set("findings", JSON.valueToTree(p.findings()));
        return n;
    }

    private static void millis(ObjectNode n, String field, Optional<Duration> d) {
        d.ifPresent(v -> n.put(field, v.toMillis()));
    }
}
