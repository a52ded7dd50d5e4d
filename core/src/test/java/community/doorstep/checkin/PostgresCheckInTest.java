package community.doorstep.checkin;

import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.Doorstep;
import community.doorstep.store.Stores;
import community.doorstep.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresCheckInTest extends CheckInContract {
    private String url;
    private HikariDataSource pool;

    @Override
    protected Stores openStores() {
        url = Postgres.freshSchemaUrl();
        pool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
        return Stores.jdbc(pool);
    }

    @Override
    protected void closeStores() {
        pool.close();
    }

    @Test
    void twoNodesAtTheDeadlineAlertEachTierExactlyOnce() {
        startDueInAnHour("note", null);
        try (HikariDataSource secondPool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
             Doorstep second = node(Stores.jdbc(secondPool))) {
            clock.set(NOW.plus(Duration.ofMinutes(65)));
            second.runDueWork();
            doorstep.runDueWork();
            second.runDueWork();
            clock.advance(Duration.ofMinutes(10));
            doorstep.runDueWork();
            second.runDueWork();
            doorstep.runDueWork();
            assertThat(sent("checkin.alert-missed")).extracting(e -> e.message().to().target())
                    .containsExactlyInAnyOrder("ana@volunteers.example", "ben@volunteers.example", "https://cai.example/hook");
        }
    }

    @Test
    void aRestartedNodeRaisesTheAlertItsPredecessorScheduledOnce() {
        startDueInAnHour("note", null);
        doorstep.close();
        doorstep = node(Stores.jdbc(pool));
        clock.set(NOW.plus(Duration.ofMinutes(65)));
        doorstep.runDueWork();
        doorstep.runDueWork();
        assertThat(alertedTargets()).containsExactly("ana@volunteers.example", "ben@volunteers.example");
    }

    @Test
    void withoutAnEncryptionKeyCheckInsRefuseToStartAndSaySoWhileEverythingElseWorks() {
        try (HikariDataSource keyless = Postgres.freshSchema();
             Doorstep plain = Doorstep.builder().dataSource(keyless).clock(clock).build()) {
            plain.sites().saveSite(community.doorstep.site.Site.of(SITE, "Hulme"));
            assertThatThrownBy(() -> plain.checkIns().createCircle(SITE, "Circle", java.util.List.of(new Responder("Ana",
                    community.doorstep.notify.Address.email("ana@volunteers.example"), 1)), Duration.ofMinutes(10)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryptionKey");
            assertThat(plain.help().board(SITE, null, null)).isEmpty();
        }
    }
}
