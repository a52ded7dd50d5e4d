package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
import community.doorstep.notify.Address;
import community.doorstep.notify.Message;

import java.util.Map;

/**
 * Sends residents their own private link by email, so losing the page does not lose the link: one message through
 * the outbox, in the page's language. The address is used for that message alone (the outbox keeps sent messages a
 * week, sealed where the host gave a key, as it keeps every other); sending counts as one of the client's writes, so
 * it cannot flood an inbox.
 */
public final class LinkByEmail {
    private LinkByEmail() {
    }

    /**
     * Sends the link to the address typed.
     *
     * @return what to tell the resident: sent, not an address, or to try again later
     */
    public static String send(Doorstep doorstep, Page page, FormGuard guard, String link, String email) {
        if (!guard.allows(page)) {
            return page.t("link.email.later");
        }
        Address to;
        try {
            to = Address.email(email);
        } catch (InvalidInputException e) {
            return page.t("link.email.invalid");
        }
        String site = page.site().name();
        doorstep.outbox().enqueue(new Message(Message.newId(), page.site().id(), to, "link.private",
                page.locale().toLanguageTag(), page.t("link.email.subject", site), page.t("link.email.text", site, link),
                Map.of(), doorstep.clock().instant()));
        guard.accepted(page);
        return page.t("link.email.sent");
    }
}
