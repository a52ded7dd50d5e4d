package community.doorstep.samples.demo;

import community.doorstep.Doorstep;
import community.doorstep.help.Contact;
import community.doorstep.help.Dietary;
import community.doorstep.help.Handover;
import community.doorstep.help.HelpService;
import community.doorstep.help.HelpWindow;
import community.doorstep.help.OfferDetails;
import community.doorstep.help.RequestDetails;
import community.doorstep.help.Urgency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hulme's help board on first start, dated from the demo's clock: Thursday hot meals from a community kitchen,
 * supermarket surplus that is gone tonight, lifts to the GP, a befriending call, and two requests. Givers' mail goes
 * to the demo's outbox page.
 */
final class DemoHelp {
    private DemoHelp() {
    }

    static void seed(Doorstep doorstep, String site) {
        HelpService help = doorstep.help();
        if (!help.board(site, null, null).isEmpty() || !help.openRequests(site, null, null).isEmpty()) {
            return;
        }
        ZoneId zone = doorstep.sites().requireSite(site).zone();
        ZonedDateTime now = doorstep.clock().instant().atZone(zone);
        LocalDate today = now.toLocalDate();

        LocalDate thursday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        Instant mealsEnd = thursday.atTime(19, 0).atZone(zone).toInstant();
        if (!mealsEnd.isAfter(now.toInstant())) {
            thursday = thursday.plusWeeks(1);
            mealsEnd = thursday.atTime(19, 0).atZone(zone).toInstant();
        }
        help.postOffer(site, new OfferDetails("Hot meals", "A hot two-course meal, cooked by volunteers. Free, or pay "
                + "what you can.", "meals", "Hulme", 12, HelpWindow.weekly(DayOfWeek.THURSDAY, LocalTime.of(17, 0),
                LocalTime.of(18, 30)), mealsEnd, EnumSet.of(Dietary.HALAL, Dietary.VEGETARIAN), "gluten, milk",
                Handover.EITHER, "Taphouse community kitchen", new Contact("kitchen@taphouse.example", "0161 496 0100")));

        // surplus goes tonight; late in the evening the demo's "tonight" is the next day's
        LocalDate surplusDay = now.getHour() >= 21 ? today.plusDays(1) : today;
        help.postOffer(site, new OfferDetails("Surplus bread and veg", "What the shop could not sell today: loaves, "
                + "bags of vegetables and some fruit.", "surplus-food", "Hulme", 8, HelpWindow.on(surplusDay,
                LocalTime.of(20, 0), LocalTime.of(21, 30)), surplusDay.atTime(22, 0).atZone(zone).toInstant(),
                EnumSet.of(Dietary.VEGAN, Dietary.READY_TO_EAT), null, Handover.COLLECTION, "Stretford Road supermarket",
                new Contact("surplus@supermarket.example", null)));

        help.postOffer(site, new OfferDetails("Lifts to the GP", "A volunteer driver takes you to the surgery and back.",
                "lifts", "Moss Side", 3, HelpWindow.weekly(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                today.plusDays(14).atTime(12, 0).atZone(zone).toInstant(), Set.of(), null, Handover.DELIVERY,
                "Hulme volunteer drivers", new Contact("drivers@hulme.example", null)));

        help.postOffer(site, new OfferDetails("A befriending phone call", "A friendly chat on the phone each week.",
                "befriending", "Hulme", 5, HelpWindow.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(14, 0), LocalTime.of(16, 0)),
                today.plusDays(30).atTime(16, 0).atZone(zone).toInstant(), Set.of(), null, Handover.DELIVERY,
                "Age-friendly Hulme", new Contact("befriending@hulme.example", null)));

        help.postRequest(site, new RequestDetails("A hot meal this week", "I cannot cook at the moment.", "meals", "Hulme",
                today.plusDays(4), Urgency.SOON, false, EnumSet.of(Dietary.HALAL), "Amira",
                new Contact("amira@residents.example", null)));
        help.postRequest(site, new RequestDetails("Help with the weekly shop", "For my neighbour, who cannot carry bags.",
                "shopping", "Hulme", today.plusDays(5), Urgency.WHEN_POSSIBLE, true, Set.of(), "Joan", null));
    }
}
