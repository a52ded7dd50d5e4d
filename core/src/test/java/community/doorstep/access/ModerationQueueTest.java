package community.doorstep.access;

import community.doorstep.Doorstep;
import community.doorstep.NotFoundException;
import community.doorstep.events.EventSubmission;
import community.doorstep.events.Submitted;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One queue holds what every feature's residents sent, soonest first, and takes the coordinator's decisions. */
class ModerationQueueTest {
    private final Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory())
            .clock(new MutableClock(Instant.parse("2026-03-01T09:00:00Z"))).build();

    private Submitted suggest(String title, int day) {
        return doorstep.events().submissions().submit("hulme",
                new EventSubmission(title, null, LocalDate.of(2026, 3, day), null, null, null, null, null, null, null));
    }

    @Test
    void suggestionsWaitInTheQueueSoonestFirstAndADecisionTakesThemOut() {
        doorstep.sites().saveSite(Site.of("hulme", "Hulme"));
        Submitted later = suggest("Later fair", 20);
        Submitted sooner = suggest("Sooner fair", 5);

        assertThat(doorstep.moderation().pending("hulme")).extracting(Pending::title, Pending::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sooner fair", "event"),
                        org.assertj.core.groups.Tuple.tuple("Later fair", "event"));

        doorstep.moderation().decide("hulme", "event", sooner.event().id(), ModerationState.APPROVED);

        assertThat(doorstep.moderation().pending("hulme")).extracting(Pending::subjectId).containsExactly(later.event().id());
        assertThat(doorstep.events().calendar().event("hulme", sooner.event().id()).title()).isEqualTo("Sooner fair");
        assertThatThrownBy(() -> doorstep.moderation().decide("hulme", "offer", "x", ModerationState.APPROVED))
                .isInstanceOf(NotFoundException.class);
    }
}
