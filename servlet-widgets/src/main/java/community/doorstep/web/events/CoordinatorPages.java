package community.doorstep.web.events;

import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.FieldError;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.Capability;
import community.doorstep.access.Grant;
import community.doorstep.access.ModerationState;
import community.doorstep.events.Event;
import community.doorstep.events.EventStatus;
import community.doorstep.events.Feed;
import community.doorstep.events.FeedStatus;
import community.doorstep.events.Occurrence;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import community.doorstep.site.Site;
import community.doorstep.web.Authorizer;
import community.doorstep.web.internal.CoordinatorDesk;
import community.doorstep.web.internal.EmbedCheck;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.FormErrors;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.QueryParams;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.Widgets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;
import static community.doorstep.web.internal.Widgets.Privacy.SIGNED_IN;

/**
 * The pages of the people who look after a site: the coordinator's ({@code w/{site}/admin/{token}}, or
 * {@code w/{site}/admin} when the host's {@link Authorizer} says yes) to moderate suggestions and add
 * organisations, and an organisation's ({@code w/{site}/organiser/{token}}) for its profile and feeds.
 */
final class CoordinatorPages {
    private final Doorstep doorstep;
    /** What a coordinator may choose for how many residents share one internet address. */
    private static final List<Integer> WRITE_ALLOWANCES = List.of(1, 2, 5, 10, 20, 50);
    private final Widgets widgets;
    private final Authorizer authorizer;

    CoordinatorPages(Doorstep doorstep, Widgets widgets, Authorizer authorizer) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        this.authorizer = authorizer;
    }

    Response admin(Page page) {
        return adminPage(page, CoordinatorDesk.byToken(page, doorstep, "admin"), null, null, List.of(), Map.of(), 200);
    }

    Response adminPost(Page page, FormBody body) {
        return adminAction(page, CoordinatorDesk.byToken(page, doorstep, "admin"), body);
    }

    Response adminSignedIn(Page page) {
        Optional<Response> signIn = CoordinatorDesk.signInInstead(page, doorstep, authorizer, widgets, "admin", null);
        if (signIn.isPresent()) {
            return signIn.get();
        }
        return adminPage(page, CoordinatorDesk.signedIn(page, authorizer, "admin"), null, null, List.of(), Map.of(), 200);
    }

    Response adminSignedInPost(Page page, FormBody body) {
        Optional<Response> signIn = CoordinatorDesk.signInInstead(page, doorstep, authorizer, widgets, "admin", body);
        if (signIn.isPresent()) {
            return signIn.get();
        }
        return adminAction(page, CoordinatorDesk.signedIn(page, authorizer, "admin"), body);
    }

    private Response adminAction(Page page, CoordinatorDesk desk, FormBody body) {
        String siteId = page.calendar.id();
        String action = String.valueOf(body.get("action"));
        if (action.equals("approve") || action.equals("reject")) {
            String eventId = body.get("eventId");
            if (eventId == null) {
                throw new NotFoundException("no suggestion named");
            }
            Event decided;
            try {
                decided = doorstep.events().submissions().moderate(siteId, eventId,
                        action.equals("approve") ? ModerationState.APPROVED : ModerationState.REJECTED, body.get("revision"));
            } catch (ConflictException e) {
                return adminPage(page, desk, page.t("admin.changed"), null, List.of(), Map.of(), 409);
            }
            return adminPage(page, desk, page.t(action.equals("approve") ? "admin.approved" : "admin.rejected", decided.title()), null, List.of(), Map.of(), 200);
        }
        if (action.equals("add-organisation")) {
            return addOrganisation(page, desk, body);
        }
        if (action.equals("write-allowance")) {
            int allowance = WRITE_ALLOWANCES.stream().filter(choice -> String.valueOf(choice).equals(body.get("allowance")))
                    .findFirst().orElse(1);
            doorstep.sites().saveSite(page.site().withWriteAllowance(allowance));
            return adminPage(page, desk, page.t("admin.allowance.saved", allowance), null, List.of(), Map.of(), 200);
        }
        if (action.equals("add-website") || action.equals("remove-website")) {
            return changeWebsites(page, desk, body, action.equals("add-website"));
        }
        return adminPage(page, desk, null, null, List.of(), Map.of(), 200);
    }

    private Response addOrganisation(Page page, CoordinatorDesk desk, FormBody body) {
        String siteId = page.calendar.id();
        String id = body.get("id");
        String name = body.get("name");
        String area = body.get("area");
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "required", "id is required"));
        } else if (!QueryParams.isSlug(id)) {
            errors.add(new FieldError("id", "slug", "id must be a slug"));
        } else if (doorstep.sites().findOrganisation(siteId, id).isPresent()) {
            errors.add(new FieldError("id", "taken", "id is taken"));
        }
        if (name == null) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "too-long", "name is too long"));
        }
        Set<String> areas = doorstep.sites().areas(siteId).stream().map(Area::id).collect(Collectors.toSet());
        if (area != null && !areas.contains(area)) {
            errors.add(new FieldError("area", "unknown", "no such area"));
        }
        Map<String, String> values = Map.of("id", body.raw("id"), "name", body.raw("name"), "area", body.raw("area"));
        if (!errors.isEmpty()) {
            return adminPage(page, desk, null, null, errors, values, 400);
        }
        try {
            doorstep.sites().saveOrganisation(new Organisation(siteId, id, name, area, null));
        } catch (InvalidInputException e) {
            return adminPage(page, desk, null, null, e.errors(), values, 400);
        }
        String token = doorstep.access().issue(siteId, Capability.ORGANISER, id);
        Map<String, String> created = Map.of("name", name, "link", page.absolute(page.link("organiser/" + token)));
        return adminPage(page, desk, page.t("admin.added", name), created, List.of(), Map.of(), 200);
    }

    /** Adds a web page's origin to the websites that may show the site's widgets, or takes one off. */
    private Response changeWebsites(Page page, CoordinatorDesk desk, FormBody body, boolean add) {
        Site site = page.site();
        String origin = EmbedCheck.originOf(body.get("website"));
        if (origin == null) {
            return adminPage(page, desk, null, null, List.of(new FieldError("website",
                    body.get("website") == null ? "required" : "website", "website is not a web address")),
                    Map.of("website", body.raw("website")), 400);
        }
        Set<String> origins = new java.util.TreeSet<>(site.allowedOrigins());
        if (add) {
            origins.add(origin);
        } else {
            origins.remove(origin);
        }
        doorstep.sites().saveSite(site.withAllowedOrigins(origins));
        return adminPage(page, desk, page.t(add ? "admin.websites.added" : "admin.websites.removed", origin), null,
                List.of(), Map.of(), 200);
    }

    private Response adminPage(Page page, CoordinatorDesk desk, String notice, Map<String, String> created, List<FieldError> errors,
                               Map<String, String> values, int status) {
        String siteId = page.calendar.id();
        Map<String, Object> model = page.model(page.t("admin.title"));
        model.put("action", desk.action());
        model.put("notice", notice);
        model.put("created", created);
        // a silent scheduler is the worst failure: the coordinator is told first thing
        model.put("dueWorkStopped", !doorstep.dueWorkHealth().healthy());
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Event event : doorstep.events().submissions().pendingSubmissions(siteId)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", event.id());
            view.put("revision", event.revision());
            view.put("title", event.title());
            view.put("when", EventPages.when(page, new Occurrence(event, event.time(), EventStatus.CONFIRMED, event.time().start())));
            view.put("place", EventPages.place(event.location()));
            view.put("organisation", event.organisationId() == null ? null : doorstep.sites()
                    .findOrganisation(siteId, event.organisationId()).map(Organisation::name).orElse(event.organisationId()));
            view.put("description", event.description());
            view.put("cost", event.cost());
            view.put("accessibility", event.accessibility());
            view.put("bookingLink", EventPages.webLink(event.bookingLink()));
            pending.add(view);
        }
        model.put("pending", pending);
        model.put("organisations", doorstep.sites().organisations(siteId).stream().map(Organisation::name).toList());
        Site site = doorstep.sites().requireSite(siteId);
        model.put("websites", site.allowedOrigins().stream().sorted().toList());
        model.put("allowances", Page.options(WRITE_ALLOWANCES.stream().map(choice -> new String[]{String.valueOf(choice),
                page.t("admin.allowance.choice", choice)}).toList(), String.valueOf(site.writeAllowance())));
        model.put("areas", Page.options(doorstep.sites().areas(siteId).stream()
                .map(area -> new String[]{area.id(), area.name()}).toList(), values.get("area")));
        model.put("values", values);
        new FormErrors(page, errors, Map.of()).addTo(model);
        return widgets.render(page, "admin", model, status, desk.privacy());
    }

    /** {@code organiser/{token}}: the organisation's profile and its feeds with how their imports went. */
    Response organiser(Page page) {
        return organiserPage(page, organisation(page), null, List.of(), Map.of(), 200);
    }

    Response organiserPost(Page page, FormBody body) {
        Organisation organisation = organisation(page);
        String action = String.valueOf(body.get("action"));
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (action.equals("profile")) {
            String name = body.get("name");
            String website = body.get("website");
            values.put("name", body.raw("name"));
            values.put("website", body.raw("website"));
            if (name == null) {
                errors.add(new FieldError("name", "required", "name is required"));
            } else if (name.length() > 200) {
                errors.add(new FieldError("name", "too-long", "name is too long"));
            }
            if (website != null && webAddress(website, Set.of("http", "https")) == null) {
                errors.add(new FieldError("website", "http", "website must be a web address"));
            }
            if (!errors.isEmpty()) {
                return organiserPage(page, organisation, null, errors, values, 400);
            }
            Organisation saved = new Organisation(organisation.siteId(), organisation.id(), name, organisation.areaId(), website);
            doorstep.sites().saveOrganisation(saved);
            return organiserPage(page, saved, page.t("organiser.saved"), List.of(), Map.of(), 200);
        }
        if (action.equals("feed")) {
            String feedId = body.get("feedId");
            URI url = webAddress(body.get("url"), Set.of("http", "https", "webcal"));
            List<Feed> own = ownFeeds(page, organisation);
            if (feedId != null && own.stream().noneMatch(feed -> feed.id().equals(feedId))) {
                throw new NotFoundException("not this organisation's feed");
            }
            String field = feedId == null ? "url" : "url-" + feedId;
            values.put(field, body.raw("url"));
            if (url == null) {
                errors.add(new FieldError(field, body.get("url") == null ? "required" : "feed-url", "url must be a calendar address"));
                return organiserPage(page, organisation, null, errors, values, 400);
            }
            String id = feedId != null ? feedId : newFeedId(page, organisation);
            try {
                doorstep.events().feeds().registerFeed(new Feed(page.calendar.id(), id, organisation.id(), url));
            } catch (InvalidInputException e) {
                // core's rules (at most ten feeds a group, the address's length) shown against the address
                e.errors().forEach(error -> errors.add(new FieldError(field, error.rule(), error.message())));
                return organiserPage(page, organisation, null, errors, values, 400);
            }
            return organiserPage(page, organisation, page.t("organiser.feedSaved"), List.of(), Map.of(), 200);
        }
        if (action.equals("delete-feed")) {
            String feedId = body.get("feedId");
            if (feedId == null || ownFeeds(page, organisation).stream().noneMatch(feed -> feed.id().equals(feedId))) {
                throw new NotFoundException("not this organisation's feed");
            }
            doorstep.events().feeds().deleteFeed(page.calendar.id(), feedId);
            return organiserPage(page, organisation, page.t("organiser.feedDeleted"), List.of(), Map.of(), 200);
        }
        return organiserPage(page, organisation, null, List.of(), Map.of(), 200);
    }

    private Organisation organisation(Page page) {
        String token = Routes.pathParam(page.request, "token");
        Grant grant = doorstep.access().require(page.calendar.id(), Capability.ORGANISER, token);
        return doorstep.sites().findOrganisation(page.calendar.id(), grant.subjectId())
                .orElseThrow(() -> new ForbiddenException("the organisation is gone"));
    }

    private List<Feed> ownFeeds(Page page, Organisation organisation) {
        return doorstep.events().feeds().feeds(page.calendar.id()).stream()
                .filter(feed -> organisation.id().equals(feed.organisationId())).toList();
    }

    /** The organisation's id for its first feed, then {@code id-2}, {@code id-3}…: stable and readable. */
    private String newFeedId(Page page, Organisation organisation) {
        Set<String> taken = doorstep.events().feeds().feeds(page.calendar.id()).stream().map(Feed::id).collect(Collectors.toSet());
        String base = organisation.id().length() > 58 ? organisation.id().substring(0, 58).replaceAll("-+$", "") : organisation.id();
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    private static URI webAddress(String text, Set<String> schemes) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return schemes.contains(scheme) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private Response organiserPage(Page page, Organisation organisation, String notice, List<FieldError> errors,
                                   Map<String, String> values, int status) {
        String token = Routes.pathParam(page.request, "token");
        Map<String, Object> model = page.model(page.t("organiser.title", organisation.name()));
        model.put("action", page.link("organiser/" + token));
        model.put("notice", notice);
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("name", values.getOrDefault("name", organisation.name()));
        profile.put("website", values.getOrDefault("website", organisation.website() == null ? "" : organisation.website()));
        model.put("profile", profile);
        DateTimeFormatter when = page.format("format.dateTime");
        List<Map<String, Object>> feeds = new ArrayList<>();
        for (Feed feed : ownFeeds(page, organisation)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", feed.id());
            view.put("url", values.getOrDefault("url-" + feed.id(), feed.url() == null ? "" : feed.url().toString()));
            FeedStatus status1 = doorstep.events().feeds().feedStatus(page.calendar.id(), feed.id()).orElse(null);
            view.put("lastSuccess", status1 == null || status1.lastSuccess() == null ? null : format(page, when, status1.lastSuccess()));
            view.put("lastAttempt", status1 == null || status1.lastAttempt() == null ? null : format(page, when, status1.lastAttempt()));
            view.put("lastError", status1 == null ? null : status1.lastError());
            view.put("neverFetched", status1 == null || status1.lastAttempt() == null);
            feeds.add(view);
        }
        model.put("feeds", feeds);
        model.put("newUrl", values.getOrDefault("url", ""));
        new FormErrors(page, errors, Map.of()).addTo(model);
        return widgets.render(page, "organiser", model, status, PRIVATE);
    }

    private static String format(Page page, DateTimeFormatter formatter, Instant instant) {
        return EventPages.capitalise(formatter.format(instant.atZone(page.site().zone())));
    }
}
