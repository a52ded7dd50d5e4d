package community.doorstep.checkin;

import community.doorstep.Doorstep;
import community.doorstep.store.Stores;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryCheckInTest extends CheckInContract {
    @Override
    protected Stores openStores() {
        return Stores.inMemory();
    }

    @Test
    void withoutAPublicAddressCheckInsRefuseToStartAndSaySo() {
        try (Doorstep nowhere = Doorstep.builder().stores(Stores.inMemory()).clock(clock).encryptionKey(KEY).build()) {
            nowhere.sites().saveSite(community.doorstep.site.Site.of(SITE, "Hulme"));
            Circle circle = nowhere.checkIns().createCircle(SITE, "Circle", java.util.List.of(new Responder("Ana",
                    community.doorstep.notify.Address.email("ana@volunteers.example"), 1)), Duration.ofMinutes(10));
            assertThatThrownBy(() -> nowhere.checkIns().start(SITE, new CheckInPlan("Sparrow", "note", circle.id(),
                    NOW.plus(Duration.ofHours(1)), 5, null, null)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("publicAddress");
            assertThat(nowhere.checkIns().circles(SITE)).hasSize(1);
        }
    }
}
