package community.doorstep.help;

/**
 * What was just posted or claimed, with the secret token of its manage link: shown once, never stored, never logged.
 *
 * @param item        the offer, request or claim
 * @param manageToken the token of its manage link
 * @param <T>         what was listed
 */
public record Listed<T>(T item, String manageToken) {
    @Override
    public String toString() {
        return "Listed[" + item.getClass().getSimpleName() + "]";
    }
}
