package community.doorstep.checkin;

import community.doorstep.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
}
