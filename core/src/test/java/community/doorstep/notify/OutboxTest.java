package community.doorstep.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import community.doorstep.Doorstep;
import community.doorstep.events.EventSubmission;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox in the whole flow: a resident's suggestion, the coordinators' message, delivery by due work. */
class OutboxTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String COORDINATOR = "coordinator@hulme.example";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(NOW);
    private Doorstep doorstep;
    private HttpServer receiver;

    @AfterEach
    void close() {
        if (doorstep != null) {
            doorstep.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private Doorstep doorstep(String storage, Notifier notifier) {
        Doorstep.Builder builder = Doorstep.builder().clock(clock).notifier(notifier);
        doorstep = (storage.equals("h2") ? builder.embeddedDatabase(directory) : builder.stores(Stores.inMemory())).build();
        return doorstep;
    }

    private static Notifier email(int port) {
        return Notifier.byChannel(Notifier.email(new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, null,
                null, "events@hulme.example", Duration.ofSeconds(5))), null);
    }

    private void suggest(String title) {
        doorstep.events().submissions().submit("hulme", new EventSubmission(title, null, LocalDate.of(2026, 3, 20),
                null, null, null, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "h2"})
    void aSuggestionTellsTheCoordinatorsByEmailOnceDueWorkRuns(String storage) throws Exception {
        doorstep(storage, email(MAIL.getSmtp().getPort()));
        doorstep.sites().saveSite(Site.of("hulme", "Hulme Community Partnership")
                .withCoordinatorContact(Address.email(COORDINATOR)));

        suggest("Coffee morning");
        assertThat(MAIL.getReceivedMessages()).as("nothing is sent inside the change").isEmpty();
        List<OutboxEntry> queued = doorstep.outbox().recent("hulme", 10);
        assertThat(queued).singleElement().extracting(OutboxEntry::state).isEqualTo(OutboxEntry.State.PENDING);

        doorstep.runDueWork();
        doorstep.runDueWork();

        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Hulme Community Partnership: a new event suggestion, “Coffee morning”");
        assertThat(mail.getMessageID()).isEqualTo("<" + queued.get(0).message().id() + "@doorstep>");
        assertThat(doorstep.outbox().recent("hulme", 10)).singleElement()
                .satisfies(entry -> assertThat(entry.state()).isEqualTo(OutboxEntry.State.DELIVERED))
                .satisfies(entry -> assertThat(entry.finishedAt()).isEqualTo(NOW));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"memory", "h2"})
    void messagesForgottenWithWhatTheyAreAboutGoAtOnceEvenOnTheirWayAndTheOthersAWeekAfter(String storage) {
        AtomicBoolean receiverUp = new AtomicBoolean(true);
        List<String> delivered = new CopyOnWriteArrayList<>();
        doorstep(storage, message -> {
            if (!receiverUp.get()) {
                throw DeliveryException.retry("the receiver is down", null);
            }
            delivered.add(message.id());
        });
        doorstep.sites().saveSite(Site.of("hulme", "Hulme"));
        Message aboutIt = note("Sparrow is overdue");
        Message other = note("A new event suggestion");
        doorstep.outbox().enqueue(aboutIt, "check-in-1");
        doorstep.outbox().enqueue(other);
        doorstep.runDueWork();
        assertThat(delivered).containsExactlyInAnyOrder(aboutIt.id(), other.id());
        receiverUp.set(false);
        Message stillGoing = note("Sparrow is overdue, tier 2");
        doorstep.outbox().enqueue(stillGoing, "check-in-1");
        doorstep.runDueWork();

        doorstep.outbox().forget("hulme", "check-in-1");
        assertThat(held()).containsExactly(other.id());
        receiverUp.set(true);
        clock.advance(Duration.ofMinutes(10));
        doorstep.runDueWork();
        assertThat(delivered).as("nothing of it is sent after it is forgotten").doesNotContain(stillGoing.id());

        clock.advance(Outbox.KEEP_FINISHED.minusMinutes(20));
        doorstep.runDueWork();
        assertThat(held()).containsExactly(other.id());
        clock.advance(Duration.ofMinutes(90));
        doorstep.runDueWork();
        assertThat(held()).isEmpty();
    }

    private Message note(String text) {
        return new Message(Message.newId(), "hulme", Address.email(COORDINATOR), "test.note", "en", "A note", text,
                java.util.Map.of(), clock.instant());
    }

    private List<String> held() {
        return doorstep.outbox().recent("hulme", 10).stream().map(entry -> entry.message().id()).toList();
    }

    @Test
    void aSiteInWelshTellsItsCoordinatorsInWelsh() throws Exception {
        doorstep("memory", email(MAIL.getSmtp().getPort()));
        Site welsh = new Site("caerdydd", "Partneriaeth Caerdydd", Site.DEFAULT_ZONE,
                List.of(java.util.Locale.forLanguageTag("cy"), java.util.Locale.ENGLISH), Set.of(), Set.of());
        doorstep.sites().saveSite(welsh.withCoordinatorContact(Address.email(COORDINATOR)));
        doorstep.events().submissions().submit("caerdydd", new EventSubmission("Bore coffi", null,
                LocalDate.of(2026, 3, 20), null, null, null, null, null, null, null));

        doorstep.runDueWork();

        assertThat(MAIL.getReceivedMessages()[0].getSubject())
                .isEqualTo("Partneriaeth Caerdydd: awgrym newydd am ddigwyddiad, “Bore coffi”");
        assertThat(MAIL.getReceivedMessages()[0].getHeader("Content-Language", null)).isEqualTo("cy");
    }

    @Test
    void aFailedDeliveryIsRetriedLaterUnderTheSameIdAndNothingIsSentTwice() throws Exception {
        // the SMTP server is not there at first: a closed port on loopback
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AtomicInteger port = new AtomicInteger(closedPort);
        Notifier switchable = message -> email(port.get()).send(message);
        doorstep("h2", switchable);
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withCoordinatorContact(Address.email(COORDINATOR)));
        suggest("Repair café");

        doorstep.runDueWork();
        OutboxEntry failed = doorstep.outbox().recent("hulme", 1).get(0);
        assertThat(failed.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).doesNotContain(COORDINATOR);

        port.set(MAIL.getSmtp().getPort());
        doorstep.runDueWork();
        assertThat(MAIL.getReceivedMessages()).as("the retry waits its pause").isEmpty();
        clock.advance(Duration.ofSeconds(11));
        doorstep.runDueWork();
        clock.advance(Duration.ofMinutes(5));
        doorstep.runDueWork();

        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(MAIL.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + failed.message().id() + "@doorstep>");
        assertThat(doorstep.outbox().recent("hulme", 1).get(0).state()).isEqualTo(OutboxEntry.State.DELIVERED);
    }

    @Test
    void aNotifierThatBreaksUnexpectedlyIsRetriedAndNeverLeavesTheMessageStuck() {
        AtomicInteger tries = new AtomicInteger();
        doorstep("memory", message -> {
            tries.incrementAndGet();
            throw new IllegalStateException("the client was closed");
        });
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withCoordinatorContact(Address.email(COORDINATOR)));
        suggest("Repair café");

        doorstep.runDueWork();
        OutboxEntry first = doorstep.outbox().recent("hulme", 1).get(0);
        assertThat(first.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(first.lastError()).isEqualTo("the notifier failed: IllegalStateException");
        for (int i = 0; i < Outbox.MAX_ATTEMPTS + 2; i++) {
            clock.advance(Duration.ofHours(12));
            doorstep.runDueWork();
        }
        OutboxEntry last = doorstep.outbox().recent("hulme", 1).get(0);
        assertThat(last.state()).as("given up in the end, not pending for ever").isEqualTo(OutboxEntry.State.FAILED);
        assertThat(last.attempts()).isEqualTo(Outbox.MAX_ATTEMPTS);
        assertThat(tries).hasValue(Outbox.MAX_ATTEMPTS);
    }

    @Test
    void aWebhookThatAnswers410IsSentNothingMore() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            posts.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        doorstep("memory", Notifier.byChannel(null, Notifier.webhooks(Duration.ofSeconds(5), Set.of("127.0.0.1"))));
        doorstep.sites().saveSite(Site.of("hulme", "Hulme")
                .withCoordinatorContact(Address.webhook(url, WebhookSignature.newSecret())));

        suggest("First");
        doorstep.runDueWork();
        suggest("Second");
        doorstep.runDueWork();

        assertThat(posts).hasValue(1);
        assertThat(doorstep.outbox().recent("hulme", 10)).singleElement()
                .extracting(OutboxEntry::state).isEqualTo(OutboxEntry.State.FAILED);
        doorstep.outbox().forgetGone("hulme", url);
        suggest("Third");
        doorstep.runDueWork();
        assertThat(posts).hasValue(2);
    }
}
