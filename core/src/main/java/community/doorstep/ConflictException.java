package community.doorstep;

/** A write that contradicts what is already stored, e.g. a second event under an existing feed key. */
public class ConflictException extends DoorstepException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
