package community.doorstep.notify;

import community.doorstep.internal.Validator;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;

/**
 * How to reach the SMTP server that sends Doorstep's email. {@link #toString()} never shows the password.
 *
 * @param host     the server's host name
 * @param port     its port: usually 587 for {@link Security#STARTTLS}, 465 for {@link Security#TLS}
 * @param security how the connection is protected
 * @param username the login, or {@code null} for a server that needs none
 * @param password the password of the login; required with a username
 * @param from     the sender, e.g. {@code Hulme Events <events@hulme.example>}
 * @param timeout  how long connecting, and each read and write, may take; 30 seconds when not given
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
                           String from, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain text: only for a server on the same machine or a test server. */
        NONE,
        /** Upgraded with STARTTLS, which the server must offer: the connection never stays plain. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        TLS
    }

    public SmtpSettings {
        Validator check = new Validator();
        host = check.text("host", host, 255);
        check.that(port > 0 && port <= 65535, "port", "range", "port must be between 1 and 65535");
        check.required("security", security);
        username = check.optionalText("username", username, 320);
        check.that(username == null || (password != null && !password.isEmpty()), "password", "required",
                "password is required with a username");
        from = check.text("from", from, 400);
        if (from != null && !from.isBlank()) {
            check.that(isMailbox(from), "from", "email", "from must be an email address, with a name if wanted");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        check.that(!timeout.isNegative() && !timeout.isZero(), "timeout", "positive", "timeout must be positive");
        check.done();
    }

    /**
     * Everything but the password.
     *
     * @return the settings with the password hidden
     */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username + ", password=" + (password == null ? "none" : "(secret)")
                + ", from=" + from + ", timeout=" + timeout + "]";
    }

    private static boolean isMailbox(String address) {
        try {
            new InternetAddress(address, true);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
