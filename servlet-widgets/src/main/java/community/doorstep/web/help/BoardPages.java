package community.doorstep.web.help;

import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.help.HelpMode;
import community.doorstep.help.HelpRequest;
import community.doorstep.help.HelpSettings;
import community.doorstep.help.Offer;
import community.doorstep.help.RequestState;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.FormErrors;
import community.doorstep.web.internal.FormGuard;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.QueryParams;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.Widgets;
import jakarta.ws.rs.core.Response;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;
import static community.doorstep.web.internal.Widgets.Privacy.PUBLIC;

/**
 * What residents see of the help board: the board ({@code w/{site}/help}), one offer with its claim form, one request
 * with its answer form, and the forms to offer and to ask. Every write gets its private manage link, shown once.
 */
final class BoardPages {
    private final Doorstep doorstep;
    private final Widgets widgets;
    private final FormGuard guard;

    BoardPages(Doorstep doorstep, Widgets widgets, FormGuard guard) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        this.guard = guard;
    }

    /** {@code help?category&area}: what is available today first, then the rest; requests below on a peer-to-peer board. */
    Response board(Page page) {
        String siteId = page.calendar.id();
        HelpSettings settings = doorstep.help().settings(siteId);
        QueryParams params = Routes.queryParams(page.request);
        String category = params.slug("category");
        String area = params.text("area", 80);
        params.throwIfInvalid();
        LocalDate today = page.calendar.today();
        List<Offer> offers = doorstep.help().board(siteId, category, area);
        Map<String, Object> model = page.model(page.t("help.board.title"));
        model.put("today", offers.stream().filter(o -> o.details().window().fallsOn(today))
                .map(o -> HelpViews.offer(page, settings, o)).toList());
        model.put("later", offers.stream().filter(o -> !o.details().window().fallsOn(today))
                .map(o -> HelpViews.offer(page, settings, o)).toList());
        model.put("requests", doorstep.help().openRequests(siteId, category, area).stream()
                .map(r -> HelpViews.request(page, settings, r)).toList());
        model.put("peerToPeer", settings.mode() == HelpMode.PEER_TO_PEER);
        model.put("categories", HelpViews.categories(page, settings, category));
        model.put("area", area == null ? "" : area);
        model.put("filtered", category != null || area != null);
        model.put("action", page.link("help"));
        model.put("offerLink", page.link("help/offer"));
        model.put("requestLink", page.link("help/request"));
        return widgets.render(page, "help-board", model, 200, PUBLIC);
    }

    /** {@code help/offers/{offerId}}: the offer and, while units remain, the form to claim some. */
    Response offer(Page page) {
        return offerPage(page, Map.of("quantity", "1"), List.of(), null, 200);
    }

    Response claim(Page page, FormBody body) {
        String offerId = Routes.pathParam(page.request, "offerId");
        return post(page, body, HelpForm.claim(body), "claim", "help.claim.noneLeft",
                details -> doorstep.help().claim(page.calendar.id(), offerId, details).manageToken(),
                (values, errors, problem, status) -> offerPage(page, values, errors, problem, status));
    }

    private Response offerPage(Page page, Map<String, String> values, List<FieldError> errors, String problem, int status) {
        String siteId = page.calendar.id();
        Offer offer = doorstep.help().offer(siteId, Routes.pathParam(page.request, "offerId"));
        HelpSettings settings = doorstep.help().settings(siteId);
        Map<String, Object> model = page.model(errorTitle(page, errors, offer.details().title()));
        model.put("offer", HelpViews.offer(page, settings, offer));
        model.put("claimable", offer.isClaimable(doorstep.clock().instant()));
        model.put("action", page.link("help/offers/" + Page.segment(offer.id())));
        model.put("values", values);
        model.put("problem", problem);
        model.put("back", page.link("help"));
        new FormErrors(page, errors, HelpForm.FORM_NAMES).addTo(model);
        return widgets.render(page, "help-offer", model, status, status == 200 ? PUBLIC : PRIVATE);
    }

    /** {@code help/requests/{requestId}}: a request on a peer-to-peer board, and the form to answer it. */
    Response request(Page page) {
        return requestPage(page, Map.of(), List.of(), null, 200);
    }

    Response answer(Page page, FormBody body) {
        String requestId = Routes.pathParam(page.request, "requestId");
        return post(page, body, HelpForm.answer(body), "answer", "help.answer.taken",
                helper -> doorstep.help().answer(page.calendar.id(), requestId, helper, body.get("message")).manageToken(),
                (values, errors, problem, status) -> requestPage(page, values, errors, problem, status));
    }

    private Response requestPage(Page page, Map<String, String> values, List<FieldError> errors, String problem,
                                 int status) {
        String siteId = page.calendar.id();
        HelpRequest request = doorstep.help().request(siteId, Routes.pathParam(page.request, "requestId"));
        Map<String, Object> model = page.model(errorTitle(page, errors, request.details().need()));
        model.put("request", HelpViews.request(page, doorstep.help().settings(siteId), request));
        model.put("answerable", request.state() == RequestState.OPEN || request.state() == RequestState.SUGGESTED);
        model.put("action", page.link("help/requests/" + Page.segment(request.id())));
        model.put("values", values);
        model.put("problem", problem);
        model.put("back", page.link("help"));
        new FormErrors(page, errors, HelpForm.FORM_NAMES).addTo(model);
        return widgets.render(page, "help-request", model, status, status == 200 ? PUBLIC : PRIVATE);
    }

    /** {@code help/offer}: the form to offer help. */
    Response offerForm(Page page) {
        return offerFormPage(page, Map.of("quantity", "1", "repeats", "once", "handover", "collection"), List.of(), 200);
    }

    Response postOffer(Page page, FormBody body) {
        return post(page, body, HelpForm.offer(body, page.site().zone()), "offer", null,
                details -> doorstep.help().postOffer(page.calendar.id(), details).manageToken(),
                (values, errors, problem, status) -> offerFormPage(page, values, errors, status));
    }

    private Response offerFormPage(Page page, Map<String, String> values, List<FieldError> errors, int status) {
        HelpSettings settings = doorstep.help().settings(page.calendar.id());
        Map<String, Object> model = page.model(errorTitle(page, errors, page.t("help.offerForm.title")));
        model.put("action", page.link("help/offer"));
        model.put("values", values);
        model.put("categories", HelpViews.categories(page, settings, values.get("category")));
        model.put("weekdays", Page.options(Arrays.stream(DayOfWeek.values())
                .map(day -> new String[]{day.name(), day.getDisplayName(TextStyle.FULL, page.locale())}).toList(),
                values.get("windowWeekday")));
        model.put("dietary", HelpViews.dietaryChoices(page, values));
        model.put("moderated", settings.moderateListings());
        new FormErrors(page, errors, HelpForm.FORM_NAMES).addTo(model);
        return widgets.render(page, "help-offer-form", model, status, status == 200 ? PUBLIC : PRIVATE);
    }

    /** {@code help/request}: the form to ask for help. */
    Response requestForm(Page page) {
        return requestFormPage(page, Map.of("urgency", "when-possible"), List.of(), 200);
    }

    Response postRequest(Page page, FormBody body) {
        return post(page, body, HelpForm.request(body), "request", null,
                details -> doorstep.help().postRequest(page.calendar.id(), details).manageToken(),
                (values, errors, problem, status) -> requestFormPage(page, values, errors, status));
    }

    private Response requestFormPage(Page page, Map<String, String> values, List<FieldError> errors, int status) {
        HelpSettings settings = doorstep.help().settings(page.calendar.id());
        Map<String, Object> model = page.model(errorTitle(page, errors, page.t("help.requestForm.title")));
        model.put("action", page.link("help/request"));
        model.put("values", values);
        model.put("categories", HelpViews.categories(page, settings, values.get("category")));
        model.put("urgencies", Page.options(Arrays.stream(community.doorstep.help.Urgency.values())
                .map(u -> new String[]{HelpViews.name(u), page.t("help.urgency." + HelpViews.name(u))}).toList(),
                values.get("urgency")));
        model.put("dietary", HelpViews.dietaryChoices(page, values));
        model.put("dispatch", settings.mode() == HelpMode.DISPATCH);
        new FormErrors(page, errors, HelpForm.FORM_NAMES).addTo(model);
        return widgets.render(page, "help-request-form", model, status, status == 200 ? PUBLIC : PRIVATE);
    }

    /** A form's page again, with what was typed, the errors or the problem, and the status. */
    private interface Again {
        Response page(Map<String, String> values, List<FieldError> errors, String problem, int status);
    }

    /**
     * A post that lists, claims or answers: the write limit, the honeypot, the form's own checks and core's rules, then
     * the once-only manage link. Where two people went for the same thing ({@code conflictKey}), the loser is told so
     * in plain words (409) and keeps what they typed.
     */
    private <T> Response post(Page page, FormBody body, HelpForm<T> form, String kind, String conflictKey,
                              Function<T, String> store, Again again) {
        Optional<Response> limited = guard.tooMany(page);
        if (limited.isPresent()) {
            return limited.get();
        }
        if (FormGuard.isRobot(body)) {
            // looks exactly like success, so a bot learns nothing; and it counts as a write
            guard.accepted(page);
            return listed(page, kind, FormGuard.decoyToken());
        }
        if (form.made == null) {
            return again.page(form.values, form.errors, null, 400);
        }
        try {
            String token = store.apply(form.made);
            guard.accepted(page);
            return listed(page, kind, token);
        } catch (InvalidInputException e) {
            return again.page(form.values, e.errors(), null, 400);
        } catch (ConflictException e) {
            if (conflictKey == null) {
                throw e;
            }
            return again.page(form.values, List.of(), page.t(conflictKey), 409);
        }
    }

    /** The once-only page with the manage link of what was just posted, claimed or answered. */
    private Response listed(Page page, String kind, String token) {
        Map<String, Object> model = page.model(page.t("help.listed." + kind + ".title"));
        model.put("kind", kind);
        model.put("manageLink", page.absolute(page.link("help/manage/" + token)));
        model.put("emailAction", page.link("help/manage/" + token));
        page.languagesLeadTo(model, "help/manage/" + token);
        model.put("home", page.link("help"));
        model.put("moderated", doorstep.help().settings(page.calendar.id()).moderateListings()
                && (kind.equals("offer") || kind.equals("request")));
        return widgets.render(page, "help-listed", model, 200, PRIVATE);
    }

    static String errorTitle(Page page, List<FieldError> errors, String title) {
        return errors.isEmpty() ? title : page.t("error.titlePrefix") + " " + title;
    }
}
