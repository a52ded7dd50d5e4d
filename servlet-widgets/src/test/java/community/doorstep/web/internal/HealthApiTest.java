package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.events.EventSubmission;
import community.doorstep.notify.Address;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import community.doorstep.web.testing.WebServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The health endpoint says plainly when due work has stopped: a silent scheduler is the worst failure. */
class HealthApiTest {
    @Test
    void healthIsOkUntilTasksWaitLongPastTheirTimeWithNoNodeTakingThem() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory()).clock(clock).build();
        doorstep.sites().saveSite(Site.of("hulme", "Hulme").withCoordinatorContact(Address.email("coordinators@hulme.example")));
        try (WebServer server = WebServer.start(doorstep, "/doorstep")) {
            HttpResponse<String> healthy = server.get("api/v1/health");
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"status\":\"ok\"", "\"overdue\":0");
            assertThat(healthy.headers().firstValue("Cache-Control")).hasValue("no-store");
            String first = doorstep.access().issue("hulme", community.doorstep.access.Capability.SITE_ADMIN, "hulme");
            assertThat(server.get("w/hulme/admin/" + first).body()).doesNotContain("Background work has stopped");

            // a suggestion queues a message for the coordinators; nobody runs due work
            doorstep.events().submissions().submit("hulme", new EventSubmission("Fair", null, LocalDate.of(2026, 3, 20),
                    null, null, null, null, null, null, null));
            clock.advance(Duration.ofMinutes(2));
            HttpResponse<String> stopped = server.get("api/v1/health");

            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.body()).contains("\"status\":\"due work has stopped\"", "\"overdue\":1", "\"runningHere\":false");
            String token = doorstep.access().issue("hulme", community.doorstep.access.Capability.SITE_ADMIN, "hulme");
            assertThat(server.get("w/hulme/admin/" + token).body()).contains("role=\"alert\"", "Background work has stopped");
        } finally {
            doorstep.close();
        }
    }
}
