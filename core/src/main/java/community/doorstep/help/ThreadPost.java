package community.doorstep.help;

import community.doorstep.internal.Validator;

import java.time.Instant;

/**
 * One message in the thread between the two sides of a claim or a request: relayed by Doorstep, so neither sees the
 * other's address.
 *
 * @param siteId   the site
 * @param threadId the claim's or the request's id
 * @param id       stable id
 * @param from     who wrote it
 * @param text     what they wrote, at most {@value #MAX_TEXT} characters
 * @param at       when
 */
public record ThreadPost(String siteId, String threadId, String id, Side from, String text, Instant at) {
    public static final int MAX_TEXT = 2000;

    public ThreadPost {
        Validator check = new Validator();
        check.required("from", from);
        text = check.text("text", text, MAX_TEXT);
        check.required("at", at);
        check.done();
    }
}
