package community.doorstep.events;

import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventQueryTest {
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> EventQuery.window("hulme", MARCH, MARCH))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("to", "after-from")));
    }

    @Test
    void aWindowLongerThanTheMaximumIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> EventQuery.window("hulme", MARCH, MARCH.plus(EventQuery.MAX_WINDOW).plusSeconds(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("to must be at most 366 days after from");
        assertThat(EventQuery.window("hulme", MARCH, MARCH.plus(EventQuery.MAX_WINDOW)).to())
                .isEqualTo(MARCH.plus(EventQuery.MAX_WINDOW));
    }

    @Test
    void limitOutsideItsRangeIsRefused() {
        EventQuery query = EventQuery.window("hulme", MARCH, MARCH.plusSeconds(3600));
        assertThatThrownBy(() -> query.withLimit(0)).hasMessageContaining("limit must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> query.withLimit(1001)).hasMessageContaining("not 1001");
    }

    @Test
    void aSiteIdMustBeASlug() {
        assertThatThrownBy(() -> EventQuery.window("Hulme Partnership", MARCH, MARCH.plusSeconds(60)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("siteId"));
    }

    @Test
    void blankTextMeansNoTextFilter() {
        assertThat(EventQuery.window("hulme", MARCH, MARCH.plusSeconds(60)).withText("   ").text()).isNull();
    }
}
