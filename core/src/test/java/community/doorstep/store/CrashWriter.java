package community.doorstep.store;

import community.doorstep.site.SiteStore;
import community.doorstep.events.EventStore;
import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.events.Event;
import community.doorstep.events.EventSource;
import community.doorstep.events.EventTime;
import community.doorstep.site.Site;
import community.doorstep.testing.Postgres;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The child process of {@link CrashDurabilityTest}: writes events one at a time and prints
 * {@code committed <id>} only after each write has returned, until it is killed.
 *
 * <p>Arguments: {@code h2 <directory>} or {@code postgres <jdbc-url-with-currentSchema>}.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Stores stores = args[0].equals("h2")
                ? Stores.embedded(Path.of(args[1]))
                : Stores.jdbc(pool(args[1]));
        SiteStore.of(stores).saveSite(Site.of("hulme", "Hulme Community Partnership"));
        System.out.println("ready");
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneId.of("Europe/London"));
        for (int i = 0; ; i++) {
            String id = "event-" + i;
            EventStore.of(stores).save(new Event("hulme", id, id + "@crash", null, 0, "Event " + i, null,
                    new EventTime(start.plusMinutes(i), start.plusMinutes(i + 30L), false), null, null, null, null,
                    null, null, null, null, null, null, EventSource.API, null, null));
            System.out.println("committed " + id);
        }
    }

    private static HikariDataSource pool(String url) {
        return Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
    }
}
