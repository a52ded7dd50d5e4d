package community.doorstep;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; {@link #errors()} names each field at fault and the rule it broke. */
public class InvalidInputException extends DoorstepException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /** A single broken rule on one field. */
    public static InvalidInputException of(String field, String rule, String message) {
        return new InvalidInputException(List.of(new FieldError(field, rule, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
