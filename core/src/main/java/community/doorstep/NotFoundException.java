package community.doorstep;

/** Something asked for by id does not exist (or is not visible to the asker, which looks the same). */
public class NotFoundException extends DoorstepException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
