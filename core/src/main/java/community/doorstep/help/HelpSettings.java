package community.doorstep.help;

import community.doorstep.internal.Validator;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one site runs its help board.
 *
 * @param siteId           the site
 * @param mode             dispatch (a coordinator matches) or peer-to-peer (residents claim and answer themselves)
 * @param moderateListings whether new offers and requests wait for a coordinator before anyone sees them
 * @param holdMinutes      how long a claim holds its units while the giver is told, before it lapses (5 to 1440)
 * @param retentionDays    how many days personal details are kept once a listing or claim is over (0 to 365)
 * @param categories       the kinds of help offered, in the board's order
 */
public record HelpSettings(String siteId, HelpMode mode, boolean moderateListings, int holdMinutes, int retentionDays,
                           List<Category> categories) {
    public static final int DEFAULT_HOLD_MINUTES = 30;
    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** The categories every board starts with; their names are translated. */
    public static final List<Category> DEFAULT_CATEGORIES = List.of(new Category("meals", null),
            new Category("surplus-food", null), new Category("shopping", null), new Category("lifts", null),
            new Category("repairs", null), new Category("befriending", null), new Category("other", null));

    public HelpSettings {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        mode = mode == null ? HelpMode.PEER_TO_PEER : mode;
        check.that(holdMinutes >= 5 && holdMinutes <= 1440, "holdMinutes", "range",
                "holdMinutes must be between 5 and 1440, not " + holdMinutes);
        check.that(retentionDays >= 0 && retentionDays <= 365, "retentionDays", "range",
                "retentionDays must be between 0 and 365, not " + retentionDays);
        categories = categories == null || categories.isEmpty() ? DEFAULT_CATEGORIES : List.copyOf(categories);
        Set<String> ids = new HashSet<>();
        categories.forEach(category -> check.that(ids.add(category.id()), "categories", "unique",
                "categories must not name " + category.id() + " twice"));
        check.that(categories.size() <= 30, "categories", "too-many", "categories must be at most 30");
        check.done();
    }

    /** The settings of a site that has chosen none: peer-to-peer, no moderation, the default categories. */
    public static HelpSettings defaults(String siteId) {
        return new HelpSettings(siteId, HelpMode.PEER_TO_PEER, false, DEFAULT_HOLD_MINUTES, DEFAULT_RETENTION_DAYS,
                DEFAULT_CATEGORIES);
    }

    public HelpSettings withMode(HelpMode newMode) {
        return new HelpSettings(siteId, newMode, moderateListings, holdMinutes, retentionDays, categories);
    }

    public HelpSettings withModeration(boolean moderate) {
        return new HelpSettings(siteId, mode, moderate, holdMinutes, retentionDays, categories);
    }

    public HelpSettings withHoldMinutes(int minutes) {
        return new HelpSettings(siteId, mode, moderateListings, minutes, retentionDays, categories);
    }

    public HelpSettings withRetentionDays(int days) {
        return new HelpSettings(siteId, mode, moderateListings, holdMinutes, days, categories);
    }

    public HelpSettings withCategories(List<Category> newCategories) {
        return new HelpSettings(siteId, mode, moderateListings, holdMinutes, retentionDays, newCategories);
    }

    /** The category with this id, if the site has it. */
    public Optional<Category> category(String id) {
        return categories.stream().filter(category -> category.id().equals(id)).findFirst();
    }
}
