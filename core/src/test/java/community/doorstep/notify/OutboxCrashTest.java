package community.doorstep.notify;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.Doorstep;
import community.doorstep.events.EventSubmission;
import community.doorstep.schedule.DueWorkNode;
import community.doorstep.site.Site;
import community.doorstep.testing.Postgres;
import community.doorstep.testing.SilentSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node is killed with SIGKILL while it is sending a message that was committed with its change: another node
 * delivers it, once, under the same Message-ID. A crash delays a message; it never loses it.
 */
class OutboxCrashTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aMessageWhoseSenderIsKilledMidSendIsDeliveredOnceByAnotherNode() throws Exception {
        String url = Postgres.freshSchemaUrl();
        List<Process> nodes = new ArrayList<>();
        try (HikariDataSource pool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
             SilentSmtp silent = new SilentSmtp();
             Doorstep doorstep = Doorstep.builder().dataSource(pool)
                     .clock(Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC)).build()) {
            doorstep.sites().saveSite(Site.of("hulme", "Hulme").withCoordinatorContact(Address.email("coordinator@hulme.example")));
            doorstep.events().submissions().submit("hulme", new EventSubmission("Coffee morning", null,
                    LocalDate.of(2026, 3, 20), null, null, null, null, null, null, null));
            String messageId = doorstep.outbox().recent("hulme", 1).get(0).message().id();

            // the first node sends through a server that never answers: it is stuck mid-send
            Process stuck = node(url, silent.port(), nodes);
            assertThat(silent.connected(30)).as("the first node began sending").isTrue();
            stuck.toHandle().destroyForcibly();
            assertThat(stuck.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            node(url, MAIL.getSmtp().getPort(), nodes);
            assertThat(MAIL.waitForIncomingEmail(60_000, 1)).as("the second node delivered it").isTrue();
            // long enough for a second delivery, were there to be one
            Thread.sleep(3000);
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
            assertThat(MAIL.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + messageId + "@doorstep>");
            assertThat(doorstep.outbox().recent("hulme", 1).get(0).state()).isEqualTo(OutboxEntry.State.DELIVERED);
        } finally {
            for (Process node : nodes) {
                node.destroyForcibly();
                node.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process node(String url, int smtpPort, List<Process> nodes) throws IOException {
        Process node = DueWorkNode.start(url, String.valueOf(smtpPort));
        nodes.add(node);
        return node;
    }
}
