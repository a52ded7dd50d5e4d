package community.doorstep.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Delivers one notification. The outbox calls it from due work, and calls it again with the same message
 * (the same id) after a failure that may pass, so an implementation need not retry by itself.
 *
 * <p>Implementations are thread-safe. {@link #email(SmtpSettings)} and {@link #webhooks(Duration, Set)} are the
 * two ready ones; {@link #byChannel(Notifier, Notifier)} joins them.
 */
@FunctionalInterface
public interface Notifier {

    /**
     * Delivers the message, or says why not.
     *
     * @param message the notification; its id is the same on every attempt
     * @throws DeliveryException to ask for a retry later ({@link DeliveryException#permanent()} is {@code false}),
     *                           or a permanent one when the receiver is gone or refused the address
     */
    void send(Message message);

    /**
     * Sends email through an SMTP server.
     *
     * @param settings the server, its security and login, and the sender address
     * @return a notifier for {@link Address.Channel#EMAIL} messages
     */
    static Notifier email(SmtpSettings settings) {
        return new EmailNotifier(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Posts signed JSON to webhook endpoints, as the Standard Webhooks specification describes.
     *
     * @param timeout      how long one request may take, connection included
     * @param trustedHosts host names that may resolve to loopback or private addresses; every other such
     *                     address is refused (the guard against server-side request forgery)
     * @return a notifier for {@link Address.Channel#WEBHOOK} messages
     */
    static Notifier webhooks(Duration timeout, Set<String> trustedHosts) {
        return new WebhookNotifier(timeout, trustedHosts, Clock.systemUTC());
    }

    /**
     * Routes each message to the notifier of its channel.
     *
     * @param email    the notifier for email, or {@code null} when email is not configured
     * @param webhooks the notifier for webhooks, or {@code null} when webhooks are not configured
     * @return a notifier for both channels; a message for a channel without a notifier fails permanently
     */
    static Notifier byChannel(Notifier email, Notifier webhooks) {
        return message -> {
            Address.Channel channel = message.to().channel();
            Notifier chosen = switch (channel) {
                case EMAIL -> email;
                case WEBHOOK -> webhooks;
                // texts go through each site's own SMS gateway, which Doorstep routes to before this
                case SMS -> null;
            };
            if (chosen == null) {
                throw DeliveryException.permanent(
                        "no notifier for " + channel.name().toLowerCase(Locale.ROOT) + " is configured");
            }
            chosen.send(message);
        };
    }
}
