package community.doorstep.web;

import community.doorstep.web.checkin.CheckInWeb;
import community.doorstep.web.events.EventsWeb;
import community.doorstep.web.help.HelpWeb;
import community.doorstep.web.internal.WebFeature;

import java.util.List;

/**
 * Every feature of the web face, registered here and nowhere else: a feature's routes, pages, navigation, embed
 * widgets, cacheable paths and words all come from its {@link WebFeature}. Adding a feature is adding its package
 * and its line here; the order is the navigation's and the embed builder's.
 */
final class WebFeatures {
    private WebFeatures() {
    }

    static List<WebFeature> all() {
        return List.of(new EventsWeb(), new HelpWeb(), new CheckInWeb());
    }
}
