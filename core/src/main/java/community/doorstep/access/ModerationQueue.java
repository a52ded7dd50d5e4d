package community.doorstep.access;

import community.doorstep.NotFoundException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One queue for a site's coordinators: everything residents sent that waits for a decision, from every feature,
 * soonest first. Get it from {@link community.doorstep.Doorstep#moderation()}.
 */
public final class ModerationQueue {
    private final Map<String, Moderated> features = new LinkedHashMap<>();

    /** Adds a feature's submissions to the queue; Doorstep does this while it is built. */
    public void register(Moderated feature) {
        if (features.putIfAbsent(feature.kind(), feature) != null) {
            throw new IllegalArgumentException("a moderated kind " + feature.kind() + " is registered already");
        }
    }

    /** Everything waiting on the site, soonest first. */
    public List<Pending> pending(String siteId) {
        List<Pending> all = new ArrayList<>();
        features.values().forEach(feature -> all.addAll(feature.pending(siteId)));
        all.sort(Comparator.comparing(Pending::startsAt).thenComparing(Pending::kind).thenComparing(Pending::subjectId));
        return all;
    }

    /** A coordinator's decision on one waiting thing. */
    public void decide(String siteId, String kind, String subjectId, ModerationState decision) {
        Moderated feature = features.get(kind);
        if (feature == null) {
            throw new NotFoundException("nothing of the kind " + kind + " is moderated");
        }
        feature.decide(siteId, subjectId, decision);
    }
}
