package community.doorstep.web.help;

import community.doorstep.help.Category;
import community.doorstep.help.Dietary;
import community.doorstep.help.HelpRequest;
import community.doorstep.help.HelpSettings;
import community.doorstep.help.HelpWindow;
import community.doorstep.help.Offer;
import community.doorstep.web.internal.Page;

import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Offers, requests and their parts as the help templates show them, in the page's language. */
final class HelpViews {
    private HelpViews() {
    }

    static Map<String, Object> offer(Page page, HelpSettings settings, Offer offer) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", offer.id());
        view.put("title", offer.details().title());
        view.put("details", offer.details().details());
        view.put("category", categoryLabel(page, settings, offer.details().category()));
        view.put("area", offer.details().area());
        view.put("quantity", offer.details().quantity());
        view.put("remaining", offer.remaining());
        view.put("remainingText", page.t("help.offer.remaining", offer.remaining(), offer.details().quantity()));
        view.put("window", window(page, offer.details().window()));
        view.put("expires", page.t("help.offer.expires", when(page, offer.details().expiresAt())));
        view.put("dietary", dietary(page, offer.details().dietary()));
        view.put("allergens", offer.details().allergens());
        view.put("handover", page.t("help.handover." + name(offer.details().handover())));
        view.put("giver", offer.details().giverName());
        view.put("state", page.t("help.offerState." + name(offer.state())));
        view.put("href", page.link("help/offers/" + Page.segment(offer.id())));
        return view;
    }

    static Map<String, Object> request(Page page, HelpSettings settings, HelpRequest request) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", request.id());
        view.put("need", request.details().need());
        view.put("details", request.details().details());
        view.put("category", categoryLabel(page, settings, request.details().category()));
        view.put("area", request.details().area());
        view.put("neededBy", page.t("help.request.neededBy", page.format("help.format.day").format(request.details().neededBy())));
        view.put("urgency", page.t("help.urgency." + name(request.details().urgency())));
        view.put("forSomeoneElse", request.details().forSomeoneElse());
        view.put("dietary", dietary(page, request.details().dietary()));
        view.put("state", page.t("help.requestState." + name(request.state())));
        view.put("href", page.link("help/requests/" + Page.segment(request.id())));
        return view;
    }

    static String window(Page page, HelpWindow window) {
        String start = page.format("help.format.time").format(window.start());
        String end = page.format("help.format.time").format(window.end());
        if (window.date() != null) {
            return page.t("help.window.once", page.format("help.format.day").format(window.date()), start, end);
        }
        return page.t("help.window.weekly", window.weekday().getDisplayName(TextStyle.FULL, page.locale()), start, end);
    }

    static String when(Page page, Instant instant) {
        return page.format("help.format.dayTime").format(instant.atZone(page.site().zone()));
    }

    static String categoryLabel(Page page, HelpSettings settings, String id) {
        return settings.category(id).map(Category::label).orElseGet(() -> page.t("help.category." + id));
    }

    static List<Map<String, Object>> categories(Page page, HelpSettings settings, String selected) {
        return Page.options(settings.categories().stream()
                .map(category -> new String[]{category.id(), categoryLabel(page, settings, category.id())}).toList(), selected);
    }

    static List<String> dietary(Page page, java.util.Set<Dietary> facts) {
        List<String> labels = new ArrayList<>();
        for (Dietary fact : Dietary.values()) {
            if (facts.contains(fact)) {
                labels.add(page.t("help.dietary." + name(fact)));
            }
        }
        return labels;
    }

    /** The dietary checkboxes of a form, ticked as sent. */
    static List<Map<String, Object>> dietaryChoices(Page page, Map<String, String> values) {
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Dietary fact : Dietary.values()) {
            String field = HelpForm.dietaryField(fact);
            choices.add(Map.of("name", field, "label", page.t("help.dietary." + name(fact)),
                    "checked", "on".equals(values.get(field))));
        }
        return choices;
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
