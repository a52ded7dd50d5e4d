package community.doorstep.samples.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import community.doorstep.notify.SmtpSettings;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's mail server: a real SMTP server in the same process (GreenMail), on a free loopback port, so the
 * notifications the demo sends can be read on its outbox page without configuring anything.
 */
final class DemoMail implements AutoCloseable {
    private final GreenMail server;

    /** One received mail, as the outbox page shows it. */
    record Received(String from, String to, String subject, String language, String messageId, String text) {
    }

    private DemoMail(GreenMail server) {
        this.server = server;
    }

    static DemoMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return new DemoMail(server);
    }

    /** How Doorstep reaches it. */
    SmtpSettings settings() {
        return new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), SmtpSettings.Security.NONE, null, null,
                "doorstep@hulme.example", Duration.ofSeconds(10));
    }

    /** Every mail it has taken, newest first. */
    List<Received> received() {
        List<Received> all = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                all.add(new Received(addresses(message.getFrom()), addresses(message.getAllRecipients()),
                        message.getSubject(), message.getHeader("Content-Language", null), message.getMessageID(),
                        String.valueOf(message.getContent()).replace("\r\n", "\n").strip()));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("the demo's mail server holds a message it cannot read", e);
            }
        }
        java.util.Collections.reverse(all);
        return all;
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        server.stop();
    }
}
