package community.doorstep.store;

import community.doorstep.events.EventStore;
import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer process is killed with SIGKILL in the middle of writing: every event it was told had been stored
 * must be there when the store is opened again, and the store must open cleanly.
 */
class CrashDurabilityTest {
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteSurvivesAKilledWriterOnH2() throws Exception {
        List<String> acknowledged = runAndKill("h2", directory.toString());
        try (Stores reopened = Stores.embedded(directory)) {
            assertAllPresent(reopened, acknowledged);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKilledWriterOnPostgres() throws Exception {
        try (HikariDataSource pool = Postgres.freshSchema()) {
            List<String> acknowledged = runAndKill("postgres", pool.getJdbcUrl());
            assertAllPresent(Stores.jdbc(pool), acknowledged);
        }
    }

    private static void assertAllPresent(Stores stores, List<String> acknowledged) {
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        List<String> missing = acknowledged.stream()
                .filter(id -> EventStore.of(stores).find("hulme", id).isEmpty())
                .toList();
        assertThat(missing).as("acknowledged but lost").isEmpty();
    }

    /** Starts the writer, reads acknowledgements until enough have come, kills it mid-stream, returns them. */
    private static List<String> runAndKill(String mode, String target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), mode, target)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    acknowledged.add(line.substring("committed ".length()));
                    if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
                        // SIGKILL, no shutdown hooks; through the handle, so acknowledgements already sent can still be read.
                        writer.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("writer ended").isTrue();
        }
        return acknowledged;
    }
}
