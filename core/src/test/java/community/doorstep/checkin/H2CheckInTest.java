package community.doorstep.checkin;

import community.doorstep.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class H2CheckInTest extends CheckInContract {
    @TempDir
    Path directory;

    private Stores opened;

    @Override
    protected Stores openStores() {
        opened = Stores.embedded(directory);
        return opened;
    }

    @Override
    protected void closeStores() {
        opened.close();
    }

    @Test
    void nicknamesNotesAndContactsAreEncryptedAtRest() {
        startDueInAnHour("Reporting at Dallas Court", null);
        List<String> rows = stores.database().query("select nickname || '|' || coalesce(note, '') || '|'"
                + " || coalesce(reminder, '') from doorstep_checkin", row -> row.getString(1));
        rows.addAll(stores.database().query("select responders from doorstep_circle", row -> row.getString(1)));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row)
                .doesNotContain("Sparrow", "Dallas", "sparrow@person.example", "ana@volunteers.example", "Ana", "whsec_")
                .contains("v1:"));
        assertThat(checkIns.circles(SITE).get(0).responders().get(0).channel().target()).isEqualTo("ana@volunteers.example");
    }

    @Test
    void theRemindersAndAlertsInTheOutboxAreEncryptedAtRestToo() {
        startDueInAnHour("Reporting at Dallas Court", null);
        clock.set(NOW.plus(Duration.ofMinutes(55)));
        doorstep.runDueWork();
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        List<String> rows = stores.database().query("select type || '|' || target || '|' || subject || '|' || body"
                + " || '|' || data from doorstep_outbox", row -> row.getString(1));
        assertThat(rows).anyMatch(row -> row.startsWith("checkin.reminder|")).anyMatch(row -> row.startsWith("checkin.alert-missed|"))
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain("Sparrow", "Dallas", "sparrow@person.example", "ana@volunteers.example", "respond/")
                        .contains("v1:"));
        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "ben@volunteers.example");
        assertThat(sent("checkin.alert-missed").get(0).message().text()).contains("Sparrow", "Reporting at Dallas Court");
    }
}
