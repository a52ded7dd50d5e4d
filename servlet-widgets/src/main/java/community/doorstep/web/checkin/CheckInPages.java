package community.doorstep.web.checkin;

import community.doorstep.web.internal.TypedDates;
import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.checkin.Alert;
import community.doorstep.checkin.CheckIn;
import community.doorstep.checkin.CheckInPlan;
import community.doorstep.checkin.CheckInService;
import community.doorstep.checkin.CheckInState;
import community.doorstep.checkin.Circle;
import community.doorstep.checkin.Responder;
import community.doorstep.notify.Address;
import community.doorstep.web.internal.CoordinatorDesk;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.FormErrors;
import community.doorstep.web.internal.FormGuard;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.Widgets;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;

/**
 * The check-in pages, every one private ({@code no-store}, {@code no-referrer}) and discreet (a neutral title, no
 * word of safety in it or in the browser's history): starting one ({@code w/{site}/checkin}), the person's own page
 * ({@code checkin/{token}}: one big "I'm OK", "I need help now", more time), a responder's page
 * ({@code checkin/respond/{token}}) and the coordinator's circles ({@code checkin/circles/{token}}).
 */
final class CheckInPages {
    static final List<String> FIELDS = List.of("nickname", "inMinutes", "backBy", "day", "weekly", "graceMinutes",
            "circle", "note", "contactName", "contactEmail", "reminderEmail", "duressPin");
    /** How many responders the circles page's form takes at once; more through the API. */
    static final int FORM_RESPONDERS = 5;
    private static final Map<String, String> FORM_NAMES = Map.of("dueAt", "inMinutes", "reminder", "reminderEmail",
            "address.target", "reminderEmail");

    private final Doorstep doorstep;
    private final Widgets widgets;
    private final FormGuard guard;

    CheckInPages(Doorstep doorstep, Widgets widgets, FormGuard guard) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        this.guard = guard;
    }

    Response startForm(Page page) {
        return startPage(page, Map.of("inMinutes", "45", "graceMinutes", "10"), List.of(), 200);
    }

    Response start(Page page, FormBody body) {
        Optional<Response> limited = guard.tooMany(page);
        if (limited.isPresent()) {
            return limited.get();
        }
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(field -> values.put(field, body.raw(field)));
        // kept for the person to correct, except the duress code: a refused form never shows it again, not even as dots
        values.remove("duressPin");
        if (FormGuard.isRobot(body)) {
            guard.accepted(page);
            return started(page, FormGuard.decoyToken());
        }
        List<FieldError> errors = new ArrayList<>();
        Instant due = due(page, body, errors);
        Integer grace = number(body.get("graceMinutes"), "graceMinutes", errors);
        boolean texts = doorstep.checkIns().sendsTexts(page.calendar.id());
        Address reminder = null;
        try {
            reminder = body.get("reminderEmail") == null ? null : contact(body.get("reminderEmail"), texts);
        } catch (InvalidInputException e) {
            errors.add(new FieldError("reminderEmail", "email", "not an email address"));
        }
        List<Responder> own = new ArrayList<>();
        if (body.get("contactName") != null || body.get("contactEmail") != null) {
            try {
                own.add(new Responder(body.get("contactName"), contact(body.get("contactEmail"), texts), 1));
            } catch (InvalidInputException e) {
                errors.add(new FieldError(body.get("contactEmail") == null ? "contactEmail" : "contactName", "required",
                        "a contact needs a name and an email address"));
            }
        }
        if (errors.isEmpty()) {
            try {
                String token = doorstep.checkIns().start(page.calendar.id(), new CheckInPlan(body.get("nickname"),
                        body.get("note"), body.get("circle"), due, grace == null ? 0 : grace, reminder,
                        body.get("duressPin"), own, body.get("weekly") != null)).token();
                guard.accepted(page);
                return started(page, token);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        return startPage(page, values, errors, 400);
    }

    /**
     * An email address, or where the site sends texts a phone number: a contact detail typed into one field.
     *
     * @throws InvalidInputException when it is neither
     */
    static Address contact(String text, boolean texts) {
        // no contact at all is refused as an email address would be: the form then names the field
        return texts && text != null && !text.contains("@") ? Address.sms(text) : Address.email(text);
    }

    /**
     * When it is due: in so many minutes, or back by a time today (tomorrow if that time has passed), or on the next
     * day of the week chosen.
     */
    private Instant due(Page page, FormBody body, List<FieldError> errors) {
        Instant now = doorstep.clock().instant();
        if (body.get("backBy") != null) {
            try {
                ZonedDateTime today = now.atZone(page.site().zone());
                ZonedDateTime at = today.with(TypedDates.time(body.get("backBy")));
                if (body.get("day") != null) {
                    at = at.with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.valueOf(body.get("day"))));
                    return (at.isAfter(today) ? at : at.plusWeeks(1)).toInstant();
                }
                return (at.isAfter(today) ? at : at.plusDays(1)).toInstant();
            } catch (java.time.DateTimeException e) {
                errors.add(new FieldError("backBy", "time", "not a time"));
                return null;
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("day", "day", "not a day of the week"));
                return null;
            }
        }
        Integer minutes = number(body.get("inMinutes"), "inMinutes", errors);
        if (minutes == null || minutes < 1 || minutes > 24 * 60) {
            if (minutes != null) {
                errors.add(new FieldError("inMinutes", "range", "1 to 1440 minutes"));
            } else if (errors.stream().noneMatch(e -> e.field().equals("inMinutes"))) {
                errors.add(new FieldError("inMinutes", "required", "required"));
            }
            return null;
        }
        return now.plus(Duration.ofMinutes(minutes));
    }

    private static Integer number(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "number", "not a number"));
            return null;
        }
    }

    private Response startPage(Page page, Map<String, String> values, List<FieldError> errors, int status) {
        Map<String, Object> model = page.model(page.t("checkin.title"));
        model.put("action", page.link("checkin"));
        model.put("values", values);
        model.put("circles", Page.options(doorstep.checkIns().circles(page.calendar.id()).stream()
                .map(circle -> new String[]{circle.id(), circle.name()}).toList(), values.get("circle")));
        model.put("days", Page.options(java.util.stream.Stream.concat(
                java.util.stream.Stream.<String[]>of(new String[]{"", page.t("checkin.field.day.any")}),
                java.util.Arrays.stream(java.time.DayOfWeek.values()).map(day -> new String[]{day.name(),
                        day.getDisplayName(java.time.format.TextStyle.FULL, page.locale())})).toList(), values.get("day")));
        model.put("texts", doorstep.checkIns().sendsTexts(page.calendar.id()));
        model.put("graces", Page.options(List.of(new String[]{"0", "0"}, new String[]{"5", "5"},
                new String[]{"10", "10"}, new String[]{"15", "15"}, new String[]{"30", "30"}), values.get("graceMinutes")));
        new FormErrors(page, errors, FORM_NAMES).addTo(model);
        return widgets.render(page, "checkin-start", model, status, PRIVATE);
    }

    private Response started(Page page, String token) {
        Map<String, Object> model = page.model(page.t("checkin.title"));
        model.put("link", page.absolute(page.link("checkin/" + token)));
        page.languagesLeadTo(model, "checkin/" + token);
        return widgets.render(page, "checkin-started", model, 200, PRIVATE);
    }

    /** {@code checkin/{token}}: the person's own page. */
    Response mine(Page page) {
        return minePage(page, null, 200);
    }

    Response act(Page page, FormBody body) {
        String siteId = page.calendar.id();
        String token = Routes.pathParam(page.request, "token");
        CheckInService checkIns = doorstep.checkIns();
        String notice = null;
        try {
            switch (String.valueOf(body.get("action"))) {
                // the same answer with or without the duress PIN: nothing on screen tells them apart
                case "ok" -> {
                    checkIns.ok(siteId, token, body.get("pin"));
                    if (checkIns.checkIn(siteId, token).repeats()) {
                        notice = page.t("checkin.mine.nextWeek");
                    }
                }
                case "stop" -> checkIns.stop(siteId, token);
                case "sos" -> {
                    checkIns.sos(siteId, token);
                    notice = page.t("checkin.sosSent");
                }
                case "extend" -> {
                    checkIns.extend(siteId, token, 15);
                    notice = page.t("checkin.extended");
                }
                default -> {
                }
            }
        } catch (InvalidInputException e) {
            notice = page.t("checkin.cannotExtend");
        } catch (ConflictException e) {
            notice = page.t("checkin.changed");
        }
        return minePage(page, notice, 200);
    }

    private Response minePage(Page page, String notice, int status) {
        CheckIn checkIn = doorstep.checkIns().asThePersonSees(
                doorstep.checkIns().checkIn(page.calendar.id(), Routes.pathParam(page.request, "token")));
        Map<String, Object> model = page.model(page.t("checkin.title"));
        model.put("weekly", checkIn.repeats());
        model.put("action", page.link("checkin/" + Routes.pathParam(page.request, "token")));
        model.put("notice", notice);
        model.put("ended", checkIn.endedForThePerson());
        model.put("helpAsked", checkIn.state() == CheckInState.ALERTED && !checkIn.endedForThePerson());
        Duration left = Duration.between(doorstep.clock().instant(), checkIn.dueAt());
        model.put("timeLeft", left.isNegative() ? page.t("checkin.late")
                : page.t("checkin.timeLeft", left.toHours(), left.toMinutesPart()));
        model.put("dueAt", page.format("checkin.format.time").format(checkIn.dueAt().atZone(page.site().zone())));
        model.put("canExtend", doorstep.checkIns().mayExtend(checkIn, 15));
        return widgets.render(page, "checkin", model, status, PRIVATE);
    }

    /** {@code checkin/respond/{token}}: a responder's page for one alert. */
    Response respond(Page page) {
        return respondPage(page, null);
    }

    Response respondAct(Page page, FormBody body) {
        String siteId = page.calendar.id();
        String token = Routes.pathParam(page.request, "token");
        String notice = null;
        try {
            switch (String.valueOf(body.get("action"))) {
                case "acknowledge" -> {
                    doorstep.checkIns().acknowledge(siteId, token);
                    notice = page.t("checkin.respond.acknowledged");
                }
                case "safe" -> {
                    doorstep.checkIns().seenSafe(siteId, token);
                    notice = page.t("checkin.respond.safeSent");
                }
                default -> {
                }
            }
        } catch (ConflictException e) {
            notice = page.t("checkin.respond.changed");
        }
        return respondPage(page, notice);
    }

    private Response respondPage(Page page, String notice) {
        String token = Routes.pathParam(page.request, "token");
        Alert alert = doorstep.checkIns().alert(page.calendar.id(), token);
        Map<String, Object> model = page.model(page.t("checkin.respond.title"));
        model.put("action", page.link("checkin/respond/" + token));
        model.put("notice", notice);
        model.put("nickname", alert.nickname());
        model.put("note", alert.note());
        model.put("overdue", page.t("checkin.respond.overdue", alert.overdue().toMinutes()));
        model.put("onIt", alert.onIt());
        model.put("mine", alert.mine());
        model.put("others", alert.alsoAlerted());
        model.put("safe", alert.safe());
        return widgets.render(page, "checkin-respond", model, 200, PRIVATE);
    }

    /** {@code checkin/circles/{token}}: the site's circles, by tier, and whether due work is running. */
    Response circles(Page page) {
        return circlesPage(page, CoordinatorDesk.byToken(page, doorstep, "checkin/circles"), null, 200);
    }

    /** A test alert to one circle, or a new circle of up to {@value #FORM_RESPONDERS} responders by email. */
    Response circlesAct(Page page, FormBody body) {
        CoordinatorDesk desk = CoordinatorDesk.byToken(page, doorstep, "checkin/circles");
        String siteId = page.calendar.id();
        try {
            if ("test".equals(body.get("action"))) {
                doorstep.checkIns().testAlert(siteId, body.get("circleId"));
                return circlesPage(page, desk, page.t("checkin.circles.tested"), 200);
            }
            if ("create".equals(body.get("action"))) {
                List<Responder> responders = new ArrayList<>();
                for (int i = 1; i <= FORM_RESPONDERS; i++) {
                    if (body.get("name-" + i) != null || body.get("email-" + i) != null) {
                        Integer tier = number(body.get("tier-" + i), "tier-" + i, new ArrayList<>());
                        String contact = body.get("email-" + i);
                        responders.add(new Responder(body.get("name-" + i), contact == null ? null
                                : contact(contact, doorstep.checkIns().sendsTexts(siteId)), tier == null ? 1 : tier));
                    }
                }
                Integer minutes = number(body.get("escalateAfter"), "escalateAfter", new ArrayList<>());
                doorstep.checkIns().createCircle(siteId, body.get("name"), responders,
                        Duration.ofMinutes(minutes == null ? 10 : minutes));
                return circlesPage(page, desk, page.t("checkin.circles.created"), 200);
            }
        } catch (InvalidInputException e) {
            return circlesPage(page, desk, page.t("checkin.circles.invalid"), 400);
        }
        return circlesPage(page, desk, null, 200);
    }

    private Response circlesPage(Page page, CoordinatorDesk desk, String notice, int status) {
        List<Map<String, Object>> circles = new ArrayList<>();
        for (Circle circle : doorstep.checkIns().circles(page.calendar.id())) {
            List<Map<String, Object>> responders = new ArrayList<>();
            for (Responder responder : circle.responders()) {
                responders.add(Map.of("name", responder.name(), "tier", responder.tier(), "channel",
                        page.t("checkin.circles.channel." + responder.channel().channel().name().toLowerCase(java.util.Locale.ROOT)),
                        "gone", doorstep.outbox().isGone(page.calendar.id(), responder.channel().target())));
            }
            circles.add(Map.of("id", circle.id(), "name", circle.name(), "escalate", circle.escalateAfter().toMinutes(),
                    "responders", responders));
        }
        Map<String, Object> model = page.model(page.t("checkin.circles.title"));
        model.put("circles", circles);
        model.put("action", desk.action());
        model.put("notice", notice);
        model.put("rows", java.util.stream.IntStream.rangeClosed(1, FORM_RESPONDERS).boxed().toList());
        model.put("running", doorstep.dueWorkHealth().healthy());
        model.put("texts", doorstep.checkIns().sendsTexts(page.calendar.id()));
        return widgets.render(page, "checkin-circles", model, status, desk.privacy());
    }
}
