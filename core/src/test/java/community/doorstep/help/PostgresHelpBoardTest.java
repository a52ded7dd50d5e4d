package community.doorstep.help;

import com.zaxxer.hikari.HikariDataSource;
import community.doorstep.Doorstep;
import community.doorstep.store.Stores;
import community.doorstep.testing.Postgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresHelpBoardTest extends HelpBoardContract {
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
    void twoNodesOnOneDatabaseClaimingAtOnceStillLeaveExactlyTen() throws Exception {
        Offer offer = help.postOffer(SITE, meals(10)).item();
        try (HikariDataSource secondPool = Postgres.pool(url, Postgres.USER, Postgres.PASSWORD);
             Doorstep second = Doorstep.builder().dataSource(secondPool).clock(clock).build()) {
            List<Object> outcomes = claimConcurrently(List.of(help, second.help()), offer.id(), 200);
            assertThat(outcomes.stream().filter(Claim.class::isInstance)).hasSize(10);
            assertThat(outcomes.stream().filter(o -> !(o instanceof Claim))).hasSize(190)
                    .allSatisfy(o -> assertThat(((Exception) o).getMessage()).contains("none left"));
            assertThat(second.help().offer(SITE, offer.id()).remaining()).isZero();
            assertThat(HelpStore.of(stores).claims(SITE, offer.id())).hasSize(10);
        }
    }
}
