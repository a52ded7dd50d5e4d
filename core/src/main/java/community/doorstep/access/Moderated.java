package community.doorstep.access;

import java.util.List;

/** A feature whose residents' submissions wait for a coordinator; it joins the {@link ModerationQueue}. */
public interface Moderated {
    /** The kind of thing it holds, unique among features, e.g. {@code event}. */
    String kind();

    /** What waits on the site. */
    List<Pending> pending(String siteId);

    /** A coordinator's decision on one of them; an unknown id is a {@link community.doorstep.NotFoundException}. */
    void decide(String siteId, String subjectId, ModerationState decision);
}
