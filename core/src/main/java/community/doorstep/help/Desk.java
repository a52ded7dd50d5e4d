package community.doorstep.help;

import java.util.List;

/**
 * One request on the coordinator's desk with the offers that could meet it, best first.
 *
 * @param request     the request
 * @param suggestions open offers of its category whose window falls before it is needed and whose food suits it;
 *                    those in its area first, then those expiring soonest
 */
public record Desk(HelpRequest request, List<Offer> suggestions) {
    public Desk {
        suggestions = List.copyOf(suggestions);
    }
}
