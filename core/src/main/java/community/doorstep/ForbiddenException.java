package community.doorstep;

/** The caller may not do this: a link that is not valid, or a coordinator-only action without coordinator rights. */
public class ForbiddenException extends DoorstepException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
