package community.doorstep;

/**
 * The root of every error Doorstep raises on purpose.
 *
 * <p>Unchecked, with a few subclasses a caller may want to tell apart: {@link InvalidInputException}
 * (bad input, with the fields at fault) and {@link NotFoundException}. Messages are written for the
 * person who can fix the problem and never carry secrets, contact details or notes.
 */
public class DoorstepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DoorstepException(String message) {
        super(message);
    }

    public DoorstepException(String message, Throwable cause) {
        super(message, cause);
    }
}
