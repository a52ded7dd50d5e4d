package community.doorstep.web.help;

import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
import community.doorstep.access.ModerationState;
import community.doorstep.access.Pending;
import community.doorstep.help.Desk;
import community.doorstep.help.HelpMode;
import community.doorstep.help.HelpService;
import community.doorstep.help.HelpSettings;
import community.doorstep.web.Authorizer;
import community.doorstep.web.internal.CoordinatorDesk;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.Widgets;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's help desk ({@code w/{site}/help/desk/{token}} with the admin token, or {@code w/{site}/help/desk}
 * for a coordinator the host signed in): the board's mode and moderation, listings waiting for approval, requests
 * waiting with the offers that could meet them and one-click confirm, no-shows, and the funders' counts as CSV.
 */
final class DeskPages {
    private static final Set<String> HELP_KINDS = Set.of("offer", "request");

    private final Doorstep doorstep;
    private final Widgets widgets;
    private final Authorizer authorizer;

    DeskPages(Doorstep doorstep, Widgets widgets, Authorizer authorizer) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        this.authorizer = authorizer;
    }

    Response byToken(Page page) {
        return desk(page, CoordinatorDesk.byToken(page, doorstep, "help/desk"), null, 200);
    }

    Response byTokenPost(Page page, FormBody body) {
        return act(page, CoordinatorDesk.byToken(page, doorstep, "help/desk"), body);
    }

    Response signedIn(Page page) {
        Optional<Response> signIn = CoordinatorDesk.signInInstead(page, doorstep, authorizer, widgets, "help/desk", null);
        if (signIn.isPresent()) {
            return signIn.get();
        }
        return desk(page, CoordinatorDesk.signedIn(page, authorizer, "help/desk"), null, 200);
    }

    Response signedInPost(Page page, FormBody body) {
        Optional<Response> signIn = CoordinatorDesk.signInInstead(page, doorstep, authorizer, widgets, "help/desk", body);
        if (signIn.isPresent()) {
            return signIn.get();
        }
        return act(page, CoordinatorDesk.signedIn(page, authorizer, "help/desk"), body);
    }

    Response countsByToken(Page page) {
        CoordinatorDesk.byToken(page, doorstep, "help/desk");
        return counts(page);
    }

    Response countsSignedIn(Page page) {
        CoordinatorDesk.signedIn(page, authorizer, "help/desk");
        return counts(page);
    }

    private Response counts(Page page) {
        return Response.ok(doorstep.help().countsCsv(page.calendar.id()).getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"help-counts.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    private Response act(Page page, CoordinatorDesk desk, FormBody body) {
        String siteId = page.calendar.id();
        HelpService help = doorstep.help();
        String requestId = body.get("requestId");
        String offerId = body.get("offerId");
        String notice;
        try {
            notice = switch (String.valueOf(body.get("action"))) {
                case "settings" -> {
                    HelpSettings current = help.settings(siteId);
                    HelpSettings settings = current
                            .withMode("dispatch".equals(body.get("mode")) ? HelpMode.DISPATCH : HelpMode.PEER_TO_PEER)
                            .withModeration(body.get("moderate") != null)
                            .withHoldMinutes(number(body.get("holdMinutes"), current.holdMinutes()))
                            .withRetentionDays(number(body.get("retentionDays"), current.retentionDays()));
                    help.saveSettings(settings);
                    yield page.t("help.desk.saved");
                }
                case "approve", "reject" -> {
                    String kind = body.get("kind");
                    if (!HELP_KINDS.contains(String.valueOf(kind))) {
                        yield null;
                    }
                    doorstep.moderation().decide(siteId, kind, body.get("subjectId"),
                            "approve".equals(body.get("action")) ? ModerationState.APPROVED : ModerationState.REJECTED);
                    yield page.t("approve".equals(body.get("action")) ? "help.desk.approved" : "help.desk.rejected");
                }
                case "suggest" -> {
                    help.suggest(siteId, requestId, offerId);
                    yield page.t("help.desk.suggested");
                }
                case "match" -> {
                    help.confirmMatch(siteId, requestId, offerId);
                    yield page.t("help.desk.matched");
                }
                case "no-show" -> {
                    help.recordNoShowAsCoordinator(siteId, body.get("claimId"));
                    yield page.t("help.desk.noShow");
                }
                default -> null;
            };
        } catch (ConflictException e) {
            return desk(page, desk, page.t("help.manage.conflict"), 409);
        } catch (InvalidInputException e) {
            return desk(page, desk, page.t("help.desk.invalid"), 400);
        }
        return desk(page, desk, notice, 200);
    }

    /** A whole number as typed; blank keeps what was; anything else is refused as out of range. */
    private static int number(String typed, int unchanged) {
        if (typed == null) {
            return unchanged;
        }
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Response desk(Page page, CoordinatorDesk desk, String notice, int status) {
        String siteId = page.calendar.id();
        HelpService help = doorstep.help();
        HelpSettings settings = help.settings(siteId);
        Map<String, Object> model = page.model(page.t("help.desk.title"));
        model.put("notice", notice);
        model.put("action", desk.action());
        model.put("countsLink", desk.action() + "/counts.csv");
        model.put("dispatch", settings.mode() == HelpMode.DISPATCH);
        model.put("moderate", settings.moderateListings());
        model.put("holdMinutes", settings.holdMinutes());
        model.put("retentionDays", settings.retentionDays());
        model.put("dueWorkStopped", !doorstep.dueWorkHealth().healthy());
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Pending waiting : doorstep.moderation().pending(siteId)) {
            if (HELP_KINDS.contains(waiting.kind())) {
                pending.add(Map.of("kind", waiting.kind(), "kindLabel", page.t("help.desk.kind." + waiting.kind()),
                        "id", waiting.subjectId(), "title", waiting.title()));
            }
        }
        model.put("pending", pending);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Desk entry : help.desk(siteId)) {
            Map<String, Object> view = HelpViews.request(page, settings, entry.request());
            view.put("suggestions", entry.suggestions().stream().map(o -> HelpViews.offer(page, settings, o)).toList());
            view.put("suggestedOffer", entry.request().offerId());
            requests.add(view);
        }
        model.put("requests", requests);
        model.put("matches", help.confirmedMatches(siteId).stream().map(request -> {
            Map<String, Object> view = HelpViews.request(page, settings, request);
            view.put("claimId", request.claimId());
            view.put("name", request.details().name());
            return view;
        }).toList());
        return widgets.render(page, "help-desk", model, status, desk.privacy());
    }
}
