package community.doorstep.help;

import community.doorstep.internal.Validator;
import community.doorstep.notify.Address;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to reach a giver, a claimant or a requester: kept for the coordinator and for delivering messages, shown to
 * the other side only when both agreed, and only the parts each chose. {@link #toString()} shows neither.
 *
 * @param email an email address, or {@code null}
 * @param phone a phone number (digits, spaces, {@code +}, brackets, hyphens), or {@code null}
 */
public record Contact(String email, String phone) {
    public static final int MAX_PHONE_LENGTH = 30;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,28}[0-9]");

    /** The parts of a contact one side may share with the other. */
    public enum Part { EMAIL, PHONE }

    public Contact {
        Validator check = new Validator();
        email = check.optionalText("contact.email", email, Address.MAX_EMAIL_LENGTH);
        phone = check.optionalText("contact.phone", phone, MAX_PHONE_LENGTH);
        check.that(email == null || Address.isEmailAddress(email), "contact.email", "email",
                "contact.email must be one email address, with one @ and no spaces");
        check.that(phone == null || PHONE.matcher(phone).matches(), "contact.phone", "phone",
                "contact.phone must be a phone number of 7 to 30 digits, spaces, brackets or hyphens");
        check.done();
    }

    /**
     * One typed contact, as the API's {@code contact} field takes it: an email address if it holds an {@code @},
     * else a phone number; {@code null} or blank is no contact. Errors name {@code field}.
     */
    public static Contact parse(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        try {
            return value.contains("@") ? new Contact(value, null) : new Contact(null, value);
        } catch (community.doorstep.InvalidInputException e) {
            throw community.doorstep.InvalidInputException.of(field, value.contains("@") ? "email" : "phone",
                    field + " must be an email address or a phone number");
        }
    }

    /** Only the chosen parts; {@code null} when that leaves nothing. */
    public Contact only(Set<Part> parts) {
        String keptEmail = parts.contains(Part.EMAIL) ? email : null;
        String keptPhone = parts.contains(Part.PHONE) ? phone : null;
        return keptEmail == null && keptPhone == null ? null : new Contact(keptEmail, keptPhone);
    }

    /** The parts this contact has. */
    public Set<Part> parts() {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        if (email != null) {
            parts.add(Part.EMAIL);
        }
        if (phone != null) {
            parts.add(Part.PHONE);
        }
        return parts;
    }

    /** Where notifications for this contact go: its email address, if it has one. */
    Address address() {
        return email == null ? null : new Address(Address.Channel.EMAIL, email, null);
    }

    @Override
    public String toString() {
        return "Contact" + parts();
    }
}
