package community.doorstep.web.help;

import com.fasterxml.jackson.annotation.JsonInclude;
import community.doorstep.InvalidInputException;
import community.doorstep.help.ClaimDetails;
import community.doorstep.help.Contact;
import community.doorstep.help.Desk;
import community.doorstep.help.Dietary;
import community.doorstep.help.Handover;
import community.doorstep.help.HelpRequest;
import community.doorstep.help.HelpWindow;
import community.doorstep.help.Offer;
import community.doorstep.help.OfferDetails;
import community.doorstep.help.RequestDetails;
import community.doorstep.help.Urgency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The help board's JSON: what the API takes and what it answers. Never a contact detail in an answer. */
final class HelpJson {
    private HelpJson() {
    }

    /** A window: {@code date} (one-off) or {@code weekday} ({@code thursday}), with {@code start} and {@code end} as HH:mm. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WindowJson(String date, String weekday, String start, String end) {
        static WindowJson of(HelpWindow window) {
            return new WindowJson(window.date() == null ? null : window.date().toString(),
                    window.weekday() == null ? null : HelpViews.name(window.weekday()), window.start().toString(),
                    window.end().toString());
        }

        HelpWindow window() {
            return new HelpWindow(parse("window.date", date, LocalDate::parse),
                    parse("window.weekday", weekday, text -> DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT))),
                    parse("window.start", start, LocalTime::parse), parse("window.end", end, LocalTime::parse));
        }
    }

    /** {@code POST offers}. */
    record NewOfferJson(String title, String details, String category, String area, Integer quantity,
                        WindowJson window, String expiresAt, List<String> dietary, String allergens, String handover,
                        String giverName, String contact) {
        OfferDetails toDetails() {
            return new OfferDetails(title, details, category, area, quantity == null ? 0 : quantity,
                    window == null ? null : window.window(), parse("expiresAt", expiresAt, Instant::parse),
                    HelpJson.dietary(dietary), allergens, choice("handover", handover, Handover::valueOf), giverName,
                    Contact.parse("contact", contact));
        }
    }

    /** {@code POST requests}. */
    record NewRequestJson(String need, String details, String category, String area, String neededBy, String urgency,
                          Boolean forSomeoneElse, List<String> dietary, String name, String contact) {
        RequestDetails toDetails() {
            return new RequestDetails(need, details, category, area, parse("neededBy", neededBy, LocalDate::parse),
                    choice("urgency", urgency, Urgency::valueOf), Boolean.TRUE.equals(forSomeoneElse), HelpJson.dietary(dietary),
                    name, Contact.parse("contact", contact));
        }
    }

    /** {@code POST offers/{id}/claims}. */
    record NewClaimJson(Integer quantity, String name, String contact) {
        ClaimDetails toDetails() {
            return new ClaimDetails(quantity == null ? 1 : quantity, name, Contact.parse("contact", contact));
        }
    }

    /** {@code POST requests/{id}/match} and {@code …/suggest}. */
    record MatchJson(String offerId) {
    }

    /** An open offer as the API shows it. */
    record OfferJson(String id, String title, String details, String category, String area, int quantity, int remaining,
                     WindowJson window, String expiresAt, List<String> dietary, String allergens, String handover,
                     String giverName, String state) {
        static OfferJson of(Offer offer) {
            OfferDetails d = offer.details();
            return new OfferJson(offer.id(), d.title(), d.details(), d.category(), d.area(), d.quantity(),
                    offer.remaining(), WindowJson.of(d.window()), d.expiresAt().toString(), names(d.dietary()),
                    d.allergens(), HelpViews.name(d.handover()), d.giverName(), HelpViews.name(offer.state()));
        }
    }

    record OffersJson(List<OfferJson> offers) {
    }

    /** A request as the coordinator's desk shows it: the requester's first name, never their contact. */
    record RequestJson(String id, String need, String details, String category, String area, String neededBy,
                       String urgency, boolean forSomeoneElse, List<String> dietary, String name, String state,
                       String offerId, String claimId) {
        static RequestJson of(HelpRequest request) {
            RequestDetails d = request.details();
            return new RequestJson(request.id(), d.need(), d.details(), d.category(), d.area(), d.neededBy().toString(),
                    HelpViews.name(d.urgency()), d.forSomeoneElse(), names(d.dietary()), d.name(),
                    HelpViews.name(request.state()), request.offerId(), request.claimId());
        }
    }

    record DeskEntryJson(RequestJson request, List<OfferJson> suggestions) {
        static DeskEntryJson of(Desk desk) {
            return new DeskEntryJson(RequestJson.of(desk.request()), desk.suggestions().stream().map(OfferJson::of).toList());
        }
    }

    record DeskJson(List<DeskEntryJson> requests) {
    }

    /** What a write answers: the thing's id and state, and the manage link to keep (shown once). */
    record CreatedJson(String id, String state, String manageLink, String manageToken) {
    }

    private static List<String> names(Set<Dietary> facts) {
        return facts.stream().sorted().map(HelpViews::name).toList();
    }

    private static Set<Dietary> dietary(List<String> names) {
        Set<Dietary> facts = EnumSet.noneOf(Dietary.class);
        if (names != null) {
            for (String name : names) {
                facts.add(choice("dietary", name, Dietary::valueOf));
            }
        }
        return facts;
    }

    private static <E> E choice(String field, String text, Function<String, E> parse) {
        return parse(field, text, value -> parse.apply(value.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    private static <T> T parse(String field, String text, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw InvalidInputException.of(field, "format", field + " cannot be read: see the API's documentation for its form");
        }
    }
}
