package community.doorstep.events;

/**
 * A suggestion received: the event waits for a coordinator, and the resident keeps the manage link.
 *
 * @param event       the stored event, pending moderation
 * @param manageToken the secret of the manage link; shown once, never stored or logged
 */
public record Submitted(Event event, String manageToken) {
    @Override
    public String toString() {
        return "Submitted[event=" + event.id() + ", manageToken=(secret)]";
    }
}
