package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.access.ModerationState;
import community.doorstep.events.Event;
import community.doorstep.events.EventStatus;
import community.doorstep.events.Occurrence;
import community.doorstep.events.Submitted;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.FormErrors;
import community.doorstep.web.internal.FormGuard;
import community.doorstep.web.internal.LinkByEmail;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.Widgets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;
import static community.doorstep.web.internal.Widgets.Privacy.PUBLIC;

/**
 * Residents' suggestions: the form ({@code w/{site}/submit}), the once-only page with the manage link, and the
 * manage page behind that link ({@code w/{site}/manage/{token}}) to edit or withdraw.
 */
final class SubmissionPages {
    private final Doorstep doorstep;
    private final Widgets widgets;
    private final FormGuard guard;

    SubmissionPages(Doorstep doorstep, Widgets widgets, FormGuard guard) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        this.guard = guard;
    }

    Response form(Page page) {
        return formPage(page, Map.of(), List.of(), 200);
    }

    Response submit(Page page, FormBody body) {
        Optional<Response> limited = guard.tooMany(page);
        if (limited.isPresent()) {
            return limited.get();
        }
        if (FormGuard.isRobot(body)) {
            // looks exactly like success, so a bot learns nothing; the link leads nowhere; and it counts as a write
            guard.accepted(page);
            return submitted(page, FormGuard.decoyToken());
        }
        SubmissionForm form = SubmissionForm.read(body);
        if (form.submission() == null) {
            return formPage(page, form.values(), form.errors(), 400);
        }
        try {
            Submitted submitted = doorstep.events().submissions().submit(page.calendar.id(), form.submission());
            guard.accepted(page);
            return submitted(page, submitted.manageToken());
        } catch (InvalidInputException e) {
            return formPage(page, form.values(), e.errors(), 400);
        }
    }

    private Response submitted(Page page, String token) {
        Map<String, Object> model = page.model(page.t("submitted.title"));
        model.put("manageLink", page.absolute(page.link("manage/" + token)));
        model.put("emailAction", page.link("manage/" + token));
        page.languagesLeadTo(model, "manage/" + token);
        model.put("home", page.link("events"));
        return widgets.render(page, "submitted", model, 200, PRIVATE);
    }

    private Response formPage(Page page, Map<String, String> values, List<FieldError> errors, int status) {
        Map<String, Object> model = page.model(page.t("submit.title"));
        model.put("action", page.link("submit"));
        model.put("values", values);
        model.put("organisations", organisationOptions(page, values.get("organisation")));
        new FormErrors(page, errors, SubmissionForm.FORM_NAMES).addTo(model);
        if (!errors.isEmpty()) {
            model.put("title", page.t("error.titlePrefix") + " " + page.t("submit.title"));
        }
        return widgets.render(page, "submit", model, status, status == 200 ? PUBLIC : PRIVATE);
    }

    /** {@code manage/{token}}: the suggestion, its state, and what its owner can do. */
    Response manage(Page page) {
        String token = Routes.pathParam(page.request, "token");
        Event event = doorstep.events().submissions().submission(page.calendar.id(), token);
        return managePage(page, token, event, SubmissionForm.valuesOf(event, page.site().zone()), List.of(), null, 200);
    }

    /** Edit, ask to withdraw, or confirm withdrawing. */
    Response change(Page page, FormBody body) {
        String token = Routes.pathParam(page.request, "token");
        Event event = doorstep.events().submissions().submission(page.calendar.id(), token);
        String action = String.valueOf(body.get("action"));
        switch (action) {
            case "email-link" -> {
                String sent = LinkByEmail.send(doorstep, page, guard, page.absolute(page.link("manage/" + token)),
                        body.get("email"));
                return managePage(page, token, event, SubmissionForm.valuesOf(event, page.site().zone()), List.of(), sent, 200);
            }
            case "withdraw" -> {
                Map<String, Object> model = page.model(page.t("withdraw.title"));
                model.put("action", page.link("manage/" + token));
                model.put("eventTitle", event.title());
                model.put("back", page.link("manage/" + token));
                return widgets.render(page, "withdraw", model, 200, PRIVATE);
            }
            case "confirm-withdraw" -> {
                doorstep.events().submissions().withdrawSubmission(page.calendar.id(), token);
                Map<String, Object> model = page.model(page.t("withdrawn.title"));
                model.put("message", page.t("withdrawn.text"));
                model.put("home", page.link("events"));
                return widgets.render(page, "error", model, 200, PRIVATE);
            }
            case "edit" -> {
                Optional<Response> limited = guard.tooMany(page);
                if (limited.isPresent()) {
                    return limited.get();
                }
                SubmissionForm form = SubmissionForm.read(body);
                if (form.submission() == null) {
                    return managePage(page, token, event, form.values(), form.errors(), null, 400);
                }
                try {
                    Event edited = doorstep.events().submissions().editSubmission(page.calendar.id(), token, form.submission());
                    guard.accepted(page);
                    return managePage(page, token, edited, SubmissionForm.valuesOf(edited, page.site().zone()), List.of(),
                            page.t("manage.saved"), 200);
                } catch (InvalidInputException e) {
                    return managePage(page, token, event, form.values(), e.errors(), null, 400);
                }
            }
            default -> {
                return managePage(page, token, event, SubmissionForm.valuesOf(event, page.site().zone()), List.of(), null, 200);
            }
        }
    }

    private Response managePage(Page page, String token, Event event, Map<String, String> values, List<FieldError> errors,
                                String notice, int status) {
        Map<String, Object> model = page.model(page.t("manage.title"));
        model.put("eventTitle", event.title());
        model.put("when", EventPages.when(page, new Occurrence(event, event.time(), EventStatus.CONFIRMED, event.time().start())));
        model.put("state", page.t("moderation." + event.moderation().name().toLowerCase(java.util.Locale.ROOT)));
        // once approved, the event's public page: the link to share, kept apart from this private one
        model.put("publicLink", event.moderation() == ModerationState.APPROVED
                ? page.absolute(page.widgetPath("events/" + Page.segment(event.id()))) : null);
        model.put("action", page.link("manage/" + token));
        model.put("emailAction", page.link("manage/" + token));
        model.put("values", values);
        model.put("organisations", organisationOptions(page, values.get("organisation")));
        model.put("notice", notice);
        new FormErrors(page, errors, SubmissionForm.FORM_NAMES).addTo(model);
        return widgets.render(page, "manage", model, status, PRIVATE);
    }

    private List<Map<String, Object>> organisationOptions(Page page, String selected) {
        return Page.options(doorstep.sites().organisations(page.calendar.id()).stream()
                .map(organisation -> new String[]{organisation.id(), organisation.name()}).toList(), selected);
    }
}
