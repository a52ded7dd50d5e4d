package community.doorstep.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailNotifierTest {
    private static final String FROM = "events@hulme.example";
    private static final String TO = "rhian@cymru.example";
    private static final String SUBJECT = "Awgrym newydd: bore coffi yn y tŷ cwrdd";
    private static final String TEXT = "Diolch! Mae eich awgrym wedi cyrraedd.\n"
            + "Bore coffi yn y tŷ cwrdd ddydd Iau, gyda the a dŵr am ddim.";

    // loopback only, on a free port; the user is there for the login case
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("doorstep", "secret"));

    private static Message welshMessage() {
        return new Message(Message.newId(), "hulme", Address.email(TO), "event.suggestion.received", "cy",
                SUBJECT, TEXT, Map.of("eventId", "ev_1"), Instant.parse("2026-03-02T10:15:30Z"));
    }

    private static SmtpSettings settings(int port, String username, String password) {
        return new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, username, password, FROM,
                Duration.ofSeconds(5));
    }

    private static int smtpPort() {
        return MAIL.getSmtp().getPort();
    }

    @Test
    void deliversTheMessageAsPlainUtf8Text() throws Exception {
        Message message = welshMessage();

        Notifier.email(settings(smtpPort(), null, null)).send(message);

        assertThat(MAIL.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        assertThat(received.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("utf-8");
        // SMTP carries lines ending in CRLF whatever the text had
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip()).isEqualTo(TEXT);
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo(FROM);
        assertThat(((InternetAddress) received.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo(TO);
        assertThat(received.getHeader("Content-Language", null)).isEqualTo("cy");
        assertThat(received.getMessageID()).isEqualTo("<" + message.id() + "@doorstep>");
    }

    @Test
    void aResentMessageKeepsItsMessageIdSoReceiversCanDropTheRepeat() throws Exception {
        Message message = welshMessage();
        Notifier notifier = Notifier.email(settings(smtpPort(), null, null));

        notifier.send(message);
        notifier.send(message);

        assertThat(MAIL.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo("<" + message.id() + "@doorstep>");
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
    }

    @Test
    void logsInWithUsernameAndPassword() throws Exception {
        Notifier.email(settings(smtpPort(), "doorstep", "secret")).send(welshMessage());

        assertThat(MAIL.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    void aRefusedLoginIsWorthRetrying() {
        Notifier notifier = Notifier.email(settings(smtpPort(), "doorstep", "wrong"));

        assertThatThrownBy(() -> notifier.send(welshMessage()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isFalse());
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotThereIsWorthRetrying() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Notifier notifier = Notifier.email(settings(closedPort, null, null));
        Message message = welshMessage();

        assertThatThrownBy(() -> notifier.send(message))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains(message.id()).doesNotContain(TO).doesNotContain(TEXT);
                });
    }

    @Test
    void settingsNeverShowThePassword() {
        SmtpSettings settings = settings(587, "doorstep", "hunter2-secret");

        assertThat(settings.toString()).contains("doorstep").doesNotContain("hunter2-secret");
    }

    @Test
    void startTlsIsRequiredWhenChosen() {
        SmtpSettings settings = new SmtpSettings("smtp.hulme.example", 587, SmtpSettings.Security.STARTTLS,
                "doorstep", "secret", FROM, Duration.ofSeconds(5));

        assertThat(EmailNotifier.properties(settings))
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .doesNotContainKey("mail.smtp.ssl.enable");
    }
}
