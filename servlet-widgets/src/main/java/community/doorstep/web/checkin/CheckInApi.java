package community.doorstep.web.checkin;

import community.doorstep.Doorstep;
import community.doorstep.checkin.CheckIn;
import community.doorstep.checkin.CheckInPlan;
import community.doorstep.checkin.Circle;
import community.doorstep.checkin.Started;
import community.doorstep.site.Site;
import community.doorstep.web.Authorizer;
import community.doorstep.web.checkin.CheckInJson.ActionJson;
import community.doorstep.web.checkin.CheckInJson.CircleJson;
import community.doorstep.web.checkin.CheckInJson.NewCheckInJson;
import community.doorstep.web.checkin.CheckInJson.NewCircleJson;
import community.doorstep.web.checkin.CheckInJson.StartedJson;
import community.doorstep.web.checkin.CheckInJson.StateJson;
import community.doorstep.web.internal.ApiWrites;
import community.doorstep.web.internal.CoordinatorDesk;
import community.doorstep.web.internal.Json;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.SiteCalendar;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import java.time.Duration;

import static community.doorstep.web.internal.Routes.pathParam;
import static community.doorstep.web.internal.Routes.postJson;

/**
 * Check-ins in version 1 of the JSON API, under {@code api/v1/sites/{site}/}: a coordinator's circles; starting a
 * check-in (an anonymous write, limited per site and client); and the person's own actions through the token of
 * their link. Answers are {@code no-store} and hold no note, nickname or contact.
 */
final class CheckInApi {
    private final Doorstep doorstep;
    private final Authorizer authorizer;
    private final ApiWrites writes;

    CheckInApi(Doorstep doorstep, Authorizer authorizer, ApiWrites writes) {
        this.doorstep = doorstep;
        this.authorizer = authorizer;
        this.writes = writes;
    }

    void addTo(Resource.Builder site) {
        postJson(site, "circles", request -> {
            String siteId = siteId(request);
            CoordinatorDesk.requireApi(request, doorstep, authorizer, siteId);
            NewCircleJson body = Json.read(request, NewCircleJson.class);
            Circle circle = doorstep.checkIns().createCircle(siteId, body.name(), body.toResponders(),
                    Duration.ofMinutes(body.escalateAfterMinutes() == null ? 10 : body.escalateAfterMinutes()));
            return Routes.created(CircleJson.of(circle));
        });
        postJson(site, "sms-gateway", request -> {
            String siteId = siteId(request);
            CoordinatorDesk.requireApi(request, doorstep, authorizer, siteId);
            CheckInJson.GatewayJson body = Json.read(request, CheckInJson.GatewayJson.class);
            doorstep.checkIns().saveSmsGateway(body.gateway(siteId));
            return Response.noContent().header("Cache-Control", "no-store").build();
        });
        postJson(site, "checkin-settings", request -> {
            String siteId = siteId(request);
            CoordinatorDesk.requireApi(request, doorstep, authorizer, siteId);
            CheckInJson.SettingsJson body = Json.read(request, CheckInJson.SettingsJson.class);
            doorstep.checkIns().saveSettings(new community.doorstep.checkin.CheckInSettings(siteId,
                    body.maxExtensions() == null ? community.doorstep.checkin.CheckInSettings.DEFAULT_MAX_EXTENSIONS
                            : body.maxExtensions(),
                    body.maxExtensionMinutes() == null ? community.doorstep.checkin.CheckInSettings.DEFAULT_MAX_EXTENSION_MINUTES
                            : body.maxExtensionMinutes()));
            return Response.noContent().header("Cache-Control", "no-store").build();
        });
        postJson(site, "checkins/{token}/number", request -> {
            CheckInJson.NumberJson body = Json.read(request, CheckInJson.NumberJson.class);
            doorstep.checkIns().linkNumber(siteId(request), pathParam(request, "token"), body.number());
            return Response.noContent().header("Cache-Control", "no-store").build();
        });
        postJson(site, "checkins", request -> writes.limited(request, site(request), () -> {
            String siteId = siteId(request);
            NewCheckInJson body = Json.read(request, NewCheckInJson.class);
            Started started = doorstep.checkIns().start(siteId, new CheckInPlan(body.nickname(), body.note(),
                    body.circle(), body.due(doorstep.clock().instant()),
                    body.graceMinutes() == null ? 0 : body.graceMinutes(), body.reminder(), body.duressPin(),
                    body.ownContacts(), Boolean.TRUE.equals(body.weekly())));
            String link = request.getUriInfo().getBaseUri() + "w/" + siteId + "/checkin/" + started.token();
            return Routes.created(new StartedJson(started.checkIn().deadline().toString(), link, started.token()));
        }));
        postJson(site, "checkins/{token}/ok", request -> {
            ActionJson body = Json.read(request, ActionJson.class);
            doorstep.checkIns().ok(siteId(request), pathParam(request, "token"), body.pin());
            return state(request);
        });
        postJson(site, "checkins/{token}/extend", request -> {
            ActionJson body = Json.read(request, ActionJson.class);
            doorstep.checkIns().extend(siteId(request), pathParam(request, "token"),
                    body.minutes() == null ? 15 : body.minutes());
            return state(request);
        });
        Routes.postAction(site, "checkins/{token}/stop", request -> {
            doorstep.checkIns().stop(siteId(request), pathParam(request, "token"));
            return state(request);
        });
        Routes.postAction(site, "checkins/{token}/sos", request -> {
            doorstep.checkIns().sos(siteId(request), pathParam(request, "token"));
            return state(request);
        });
    }

    /**
     * What the person's link sees after an action. After the duress PIN it reads exactly as after checking in: the
     * state says "ended" either way (for a weekly check-in, "waiting" for next week's).
     */
    private Response state(ContainerRequestContext request) {
        CheckIn checkIn = doorstep.checkIns().asThePersonSees(
                doorstep.checkIns().checkIn(siteId(request), pathParam(request, "token")));
        String state = checkIn.endedForThePerson() ? "ended" : checkIn.state().name().toLowerCase(java.util.Locale.ROOT);
        return Response.fromResponse(Routes.json(new StateJson(state, checkIn.dueAt().toString(),
                checkIn.deadline().toString(), checkIn.extensions(), checkIn.endedForThePerson(), checkIn.repeats())))
                .header("Cache-Control", "no-store").build();
    }

    private String siteId(ContainerRequestContext request) {
        return site(request).id();
    }

    private Site site(ContainerRequestContext request) {
        return SiteCalendar.of(doorstep, pathParam(request, "site")).site();
    }
}
