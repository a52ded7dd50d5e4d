package community.doorstep.checkin;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.Doorstep;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;
import community.doorstep.notify.OutboxEntry;
import community.doorstep.schedule.DueWorkNode;
import community.doorstep.site.Site;
import community.doorstep.testing.Postgres;
import community.doorstep.testing.SilentSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once with real processes on a real PostgreSQL: a node killed with SIGKILL after it raised the alert and while
 * it was sending it, and two nodes watching one deadline. The alert is raised once; a crash delays its delivery, under
 * the same Message-ID, and never doubles it.
 */
class CheckInCrashTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final byte[] KEY = Sealer.newKey();
    private static final String SITE = "hulme";

    /** A check-in due in two seconds, set up by this process, whose due work the nodes do. */
    private static void dueSoon(Doorstep doorstep) {
        doorstep.sites().saveSite(Site.of(SITE, "Hulme"));
        Circle circle = doorstep.checkIns().createCircle(SITE, "Volunteers",
                List.of(new Responder("Ana", Address.email("ana@volunteers.example"), 1)), Duration.ofMinutes(10));
        doorstep.checkIns().start(SITE, new CheckInPlan("Sparrow", "note", circle.id(),
                Instant.now().plusSeconds(2), 0, null, null));
    }

    private static List<OutboxEntry> alerts(Doorstep doorstep) {
        return doorstep.outbox().recent(SITE, 50).stream()
                .filter(entry -> entry.message().type().equals("checkin.alert-missed")).toList();
    }

    private static Process node(String url, int smtpPort, List<Process> nodes) throws IOException {
        Process node = DueWorkNode.start(url, String.valueOf(smtpPort), Base64.getEncoder().encodeToString(KEY));
        nodes.add(node);
        return node;
    }

    @Test
    void aNodeKilledWhileSendingTheAlertLeavesItRaisedOnceAndTheNextNodeDeliversIt() throws Exception {
        String url = Postgres.freshSchemaUrl();
        List<Process> nodes = new ArrayList<>();
        try (HikariDataSource pool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
             SilentSmtp silent = new SilentSmtp();
             Doorstep doorstep = Doorstep.builder().dataSource(pool).encryptionKey(KEY)
                     .publicAddress(java.net.URI.create("https://hulme.example/doorstep/")).build()) {
            dueSoon(doorstep);

            // the first node sends through a server that never answers: it is stuck mid-send
            Process stuck = node(url, silent.port(), nodes);
            assertThat(silent.connected(60)).as("the first node raised the alert and began sending").isTrue();
            stuck.toHandle().destroyForcibly();
            assertThat(stuck.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(alerts(doorstep)).hasSize(1);
            assertThat(MAIL.getReceivedMessages()).isEmpty();

            node(url, MAIL.getSmtp().getPort(), nodes);
            assertThat(MAIL.waitForIncomingEmail(60_000, 1)).as("the next node delivered it").isTrue();
            // long enough for a second alert or delivery, were there to be one
            Thread.sleep(3000);
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
            assertThat(alerts(doorstep)).singleElement().satisfies(alert -> {
                assertThat(MAIL.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + alert.message().id() + "@doorstep>");
                assertThat(alert.state()).isEqualTo(OutboxEntry.State.DELIVERED);
            });
        } finally {
            for (Process node : nodes) {
                node.destroyForcibly();
                node.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void twoNodeProcessesWatchingOneDeadlineRaiseAndSendTheAlertOnce() throws Exception {
        String url = Postgres.freshSchemaUrl();
        List<Process> nodes = new ArrayList<>();
        try (HikariDataSource pool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
             Doorstep doorstep = Doorstep.builder().dataSource(pool).encryptionKey(KEY)
                     .publicAddress(java.net.URI.create("https://hulme.example/doorstep/")).build()) {
            node(url, MAIL.getSmtp().getPort(), nodes);
            node(url, MAIL.getSmtp().getPort(), nodes);
            dueSoon(doorstep);
            assertThat(MAIL.waitForIncomingEmail(60_000, 1)).as("one of the nodes sent the alert").isTrue();
            Thread.sleep(3000);
            assertThat(MAIL.getReceivedMessages()).hasSize(1);
            assertThat(alerts(doorstep)).hasSize(1);
        } finally {
            for (Process node : nodes) {
                node.destroyForcibly();
                node.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
