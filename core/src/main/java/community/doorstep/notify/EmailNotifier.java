package community.doorstep.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Sends each message as one plain-text email through the configured SMTP server. */
final class EmailNotifier implements Notifier {
    private static final String CHARSET = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    EmailNotifier(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("the sender address was checked by SmtpSettings", e);
        }
    }

    static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String millis = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        switch (settings.security()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                // without this a server that stops offering STARTTLS would get the login in plain text
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        if (settings.username() != null) {
            properties.setProperty("mail.smtp.auth", "true");
        }
        return properties;
    }

    @Override
    public void send(Message message) {
        if (message.to().channel() != Address.Channel.EMAIL) {
            throw DeliveryException.permanent("message " + message.id() + " is not addressed to an email address");
        }
        MimeMessage mail;
        try {
            mail = compose(message);
        } catch (AddressException e) {
            throw DeliveryException.permanent("the recipient address of message " + message.id()
                    + " is not one the mail system accepts");
        } catch (MessagingException e) {
            throw DeliveryException.permanent("message " + message.id() + " could not be put into an email");
        }
        try {
            if (settings.username() != null) {
                Transport.send(mail, settings.username(), settings.password());
            } else {
                Transport.send(mail);
            }
        } catch (SendFailedException e) {
            // not chained: the server's replies quote the recipient's address
            String reply = replyCode(e);
            if (refusedRecipient(e)) {
                throw DeliveryException.permanent("the mail server refused the recipient of message "
                        + message.id() + reply);
            }
            throw DeliveryException.retry("the mail server did not accept message " + message.id() + reply, null);
        } catch (MessagingException e) {
            throw DeliveryException.retry("could not send message " + message.id() + " through "
                    + settings.host() + ":" + settings.port(), e);
        }
    }

    private MimeMessage compose(Message message) throws MessagingException {
        MimeMessage mail = new StableIdMessage(session, message.id());
        mail.setFrom(from);
        mail.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to().target(), true));
        mail.setSubject(message.subject(), CHARSET);
        mail.setText(message.text(), CHARSET);
        mail.setHeader("Content-Language", message.language());
        // RFC 3834: out-of-office replies and the like are not sent back to an automatic message
        mail.setHeader("Auto-Submitted", "auto-generated");
        // the moment of the change, not of the attempt, so every retry is the same email
        mail.setSentDate(Date.from(message.createdAt()));
        return mail;
    }

    private static boolean refusedRecipient(SendFailedException e) {
        if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
            return true;
        }
        return chain(e).stream().anyMatch(next -> next instanceof SMTPAddressFailedException refused
                && refused.getReturnCode() >= 500);
    }

    private static String replyCode(SendFailedException e) {
        for (Exception next : chain(e)) {
            if (next instanceof SMTPAddressFailedException refused) {
                return " (reply " + refused.getReturnCode() + ")";
            }
            if (next instanceof SMTPSendFailedException failed) {
                return " (reply " + failed.getReturnCode() + ")";
            }
        }
        return "";
    }

    /** The exception and the ones it carries, which Jakarta Mail links by getNextException rather than the cause. */
    private static List<Exception> chain(MessagingException e) {
        List<Exception> chain = new ArrayList<>();
        Exception next = e;
        while (next != null && chain.size() < 20) {
            chain.add(next);
            next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return chain;
    }

    /** Keeps the Message-ID of every attempt equal, where MimeMessage would make a new one on each save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@doorstep>");
        }
    }
}
