package community.doorstep.checkin;

/**
 * A check-in just started, with the secret token of the person's own link: shown once, never stored, never logged.
 *
 * @param checkIn the check-in
 * @param token   the token of its link
 */
public record Started(CheckIn checkIn, String token) {
    @Override
    public String toString() {
        return "Started[" + checkIn + "]";
    }
}
