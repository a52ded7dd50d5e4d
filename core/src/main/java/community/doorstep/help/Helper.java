package community.doorstep.help;

import community.doorstep.internal.Validator;

/**
 * Someone who answers a request on a peer-to-peer board.
 *
 * @param name    the name the requester sees
 * @param contact how to reach them; shown to the requester only when both agree
 */
public record Helper(String name, Contact contact) {
    public Helper {
        Validator check = new Validator();
        name = check.text("name", name, OfferDetails.MAX_NAME);
        check.done();
    }
}
