package community.doorstep.web.help;

import community.doorstep.ConflictException;
import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import community.doorstep.access.Capability;
import community.doorstep.access.ModerationState;
import community.doorstep.help.Claim;
import community.doorstep.help.ClaimState;
import community.doorstep.help.Contact;
import community.doorstep.help.HelpMode;
import community.doorstep.help.HelpRequest;
import community.doorstep.help.HelpService;
import community.doorstep.help.HelpSettings;
import community.doorstep.help.HelpThread;
import community.doorstep.help.Offer;
import community.doorstep.help.OfferState;
import community.doorstep.help.RequestState;
import community.doorstep.help.ThreadPost;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.FormGuard;
import community.doorstep.web.internal.LinkByEmail;
import community.doorstep.web.internal.Page;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.Widgets;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static community.doorstep.web.internal.Widgets.Privacy.PRIVATE;

/**
 * The pages behind the help board's manage links ({@code w/{site}/help/manage/{token}}): a giver's offer with its
 * claims, a claimant's claim, a requester's request, a helper's answer; each with the thread to the other side, the
 * choice of what contact to share, and the steps that side may take. And the giver's printable round list.
 */
final class ManagePages {
    /** Whose link it is. */
    private enum Role { GIVER, CLAIMANT, REQUESTER, HELPER }

    private final Doorstep doorstep;
    private final Widgets widgets;
    private final FormGuard guard;

    ManagePages(Doorstep doorstep, Widgets widgets, FormGuard guard) {
        this.doorstep = doorstep;
        this.widgets = widgets;
        this.guard = guard;
    }

    Response manage(Page page) {
        return page(page, null, 200);
    }

    Response act(Page page, FormBody body) {
        String siteId = page.calendar.id();
        String token = token(page);
        HelpService help = doorstep.help();
        String claimId = body.get("claimId");
        String notice;
        try {
            notice = switch (String.valueOf(body.get("action"))) {
                case "confirm" -> done(page, help.confirmClaim(siteId, token, claimId));
                case "collected" -> done(page, help.markCollected(siteId, token, claimId));
                case "no-show" -> done(page, help.recordNoShow(siteId, token, claimId));
                case "close" -> offerDone(page, help.closeOffer(siteId, token));
                case "withdraw" -> offerDone(page, help.withdrawOffer(siteId, token));
                case "cancel-claim" -> done(page, help.cancelClaim(siteId, token));
                case "accept" -> requestDone(page, help.acceptHelper(siteId, token));
                case "decline" -> requestDone(page, help.declineHelper(siteId, token));
                case "complete" -> requestDone(page, help.completeRequest(siteId, token));
                case "cancel-request" -> requestDone(page, help.cancelRequest(siteId, token));
                case "request-no-show" -> requestDone(page, help.recordRequestNoShow(siteId, token));
                case "email-link" -> LinkByEmail.send(doorstep, page, guard,
                        page.absolute(page.link("help/manage/" + token)), body.get("email"));
                case "write" -> {
                    help.write(siteId, token, claimId, body.get("text"));
                    yield page.t("help.manage.sent");
                }
                case "share" -> {
                    Set<Contact.Part> parts = EnumSet.noneOf(Contact.Part.class);
                    if (body.get("share-email") != null) {
                        parts.add(Contact.Part.EMAIL);
                    }
                    if (body.get("share-phone") != null) {
                        parts.add(Contact.Part.PHONE);
                    }
                    help.share(siteId, token, claimId, parts);
                    yield page.t(parts.isEmpty() ? "help.manage.shareNone" : "help.manage.shared");
                }
                default -> null;
            };
        } catch (ConflictException e) {
            return page(page, page.t("help.manage.conflict"), 409);
        } catch (InvalidInputException e) {
            return page(page, page.t("help.manage.emptyMessage"), 400);
        }
        return page(page, notice, 200);
    }

    private static String done(Page page, Claim claim) {
        return page.t("help.manage.claimNow", page.t("help.claimState." + HelpViews.name(claim.state())));
    }

    private static String offerDone(Page page, Offer offer) {
        return page.t("help.manage.offerNow", page.t("help.offerState." + HelpViews.name(offer.state())));
    }

    private static String requestDone(Page page, HelpRequest request) {
        return page.t("help.manage.requestNow", page.t("help.requestState." + HelpViews.name(request.state())));
    }

    private Response page(Page page, String notice, int status) {
        String siteId = page.calendar.id();
        String token = token(page);
        HelpService help = doorstep.help();
        HelpSettings settings = help.settings(siteId);
        Map<String, Object> model = page.model(page.t("help.manage.title"));
        model.put("notice", notice);
        model.put("action", page.link("help/manage/" + token));
        model.put("emailAction", page.link("help/manage/" + token));
        model.put("home", page.link("help"));
        switch (role(siteId, token)) {
            case GIVER -> {
                Offer offer = help.offerByToken(siteId, token);
                model.put("role", "giver");
                model.put("offer", HelpViews.offer(page, settings, offer));
                boolean live = offer.state() == OfferState.OPEN || offer.state() == OfferState.FULL;
                model.put("live", live);
                // once on the board, its public page: the link to share, kept apart from this private one
                model.put("publicLink", live && offer.moderation() == ModerationState.APPROVED
                        ? page.absolute(page.widgetPath("help/offers/" + Page.segment(offer.id()))) : null);
                List<Map<String, Object>> claims = new ArrayList<>();
                for (Claim claim : help.claimsOnOffer(siteId, token)) {
                    Map<String, Object> view = claim(page, claim);
                    view.put("thread", thread(page, help.thread(siteId, token, claim.id()), claim.id()));
                    claims.add(view);
                }
                model.put("claims", claims);
                model.put("roundLink", page.link("help/round/" + token));
            }
            case CLAIMANT -> {
                Claim claim = help.claimByToken(siteId, token);
                model.put("role", "claimant");
                model.put("claim", claim(page, claim));
                model.put("offer", HelpViews.offer(page, settings, help.offerOfClaim(siteId, token)));
                model.put("thread", thread(page, help.thread(siteId, token, null), null));
            }
            case REQUESTER, HELPER -> {
                boolean requester = role(siteId, token) == Role.REQUESTER;
                HelpRequest request = requester ? help.requestByToken(siteId, token) : help.requestByHelperToken(siteId, token);
                model.put("role", requester ? "requester" : "helper");
                model.put("request", HelpViews.request(page, settings, request));
                model.put("helperName", request.helper() == null ? null : request.helper().name());
                model.put("tentative", request.state() == RequestState.TENTATIVE);
                model.put("confirmed", request.state() == RequestState.CONFIRMED);
                model.put("over", request.state().isOver());
                model.put("publicLink", requester && request.state() == RequestState.OPEN
                        && request.moderation() == ModerationState.APPROVED && settings.mode() == HelpMode.PEER_TO_PEER
                        ? page.absolute(page.widgetPath("help/requests/" + Page.segment(request.id()))) : null);
                if (request.helper() != null || request.claimId() != null || !requester) {
                    model.put("thread", thread(page, help.thread(siteId, token, null), null));
                }
            }
            default -> throw new IllegalStateException();
        }
        return widgets.render(page, "help-manage", model, status, PRIVATE);
    }

    /** {@code help/round/{token}}: the giver's printable list of who is collecting or expecting a delivery. */
    Response round(Page page) {
        String siteId = page.calendar.id();
        String token = Routes.pathParam(page.request, "token");
        Offer offer = doorstep.help().offerByToken(siteId, token);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Claim claim : doorstep.help().claimsOnOffer(siteId, token)) {
            if (claim.state() == ClaimState.HELD || claim.state() == ClaimState.CONFIRMED) {
                Map<String, Object> row = claim(page, claim);
                Contact released = doorstep.help().thread(siteId, token, claim.id()).released();
                row.put("contact", released == null ? null : contactText(released));
                rows.add(row);
            }
        }
        Map<String, Object> model = page.model(page.t("help.round.title", offer.details().title()));
        model.put("offer", HelpViews.offer(page, doorstep.help().settings(siteId), offer));
        model.put("rows", rows);
        model.put("back", page.link("help/manage/" + token));
        return widgets.render(page, "help-round", model, 200, PRIVATE);
    }

    private Role role(String siteId, String token) {
        for (Role role : Role.values()) {
            Capability capability = switch (role) {
                case GIVER -> Capability.OFFER;
                case CLAIMANT -> Capability.CLAIM;
                case REQUESTER -> Capability.HELP_REQUEST;
                case HELPER -> Capability.HELPER;
            };
            if (doorstep.access().find(siteId, capability, token).isPresent()) {
                return role;
            }
        }
        throw new NotFoundException("no such link");
    }

    private static Map<String, Object> claim(Page page, Claim claim) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", claim.id());
        view.put("name", claim.details().name());
        view.put("quantity", claim.details().quantity());
        view.put("state", page.t("help.claimState." + HelpViews.name(claim.state())));
        view.put("held", claim.state() == ClaimState.HELD);
        view.put("confirmed", claim.state() == ClaimState.CONFIRMED);
        view.put("heldUntil", page.t("help.claim.heldUntil", HelpViews.when(page, claim.heldUntil())));
        return view;
    }

    private static Map<String, Object> thread(Page page, HelpThread thread, String claimId) {
        Map<String, Object> view = new HashMap<>();
        List<Map<String, Object>> posts = new ArrayList<>();
        for (ThreadPost post : thread.posts()) {
            boolean mine = post.from() == thread.me();
            posts.add(Map.of("who", mine ? page.t("help.thread.you") : thread.otherName() == null
                            ? page.t("help.thread.them") : thread.otherName(),
                    "mine", mine, "text", post.text(), "when", HelpViews.when(page, post.at())));
        }
        view.put("posts", posts);
        view.put("claimId", claimId);
        view.put("other", thread.otherName());
        view.put("sharesEmail", thread.myShares() != null && thread.myShares().contains(Contact.Part.EMAIL));
        view.put("sharesPhone", thread.myShares() != null && thread.myShares().contains(Contact.Part.PHONE));
        view.put("theyAgreed", thread.theirShares() != null);
        view.put("released", thread.released() == null ? null : contactText(thread.released()));
        return view;
    }

    private static String contactText(Contact contact) {
        return contact.email() == null ? contact.phone()
                : contact.phone() == null ? contact.email() : contact.email() + " · " + contact.phone();
    }

    private static String token(Page page) {
        return Routes.pathParam(page.request, "token");
    }
}
