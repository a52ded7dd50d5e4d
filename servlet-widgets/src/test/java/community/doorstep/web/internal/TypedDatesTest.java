package community.doorstep.web.internal;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedDatesTest {
    private static final LocalDate CHRISTMAS_EVE = LocalDate.of(2026, 12, 24);

    @Test
    void theDatesUkResidentsTypeAreReadTheBritishWayRound() {
        for (String typed : new String[]{"24/12/2026", "24-12-2026", "24.12.2026", "24/12/26", " 24 / 12 / 2026 ",
                "24 Dec 2026", "24 dec. 2026", "24 December 2026", "24th December 2026", "24 Rhagfyr 2026",
                "24 Rhag 2026", "24 o Ragfyr 2026", "2026-12-24"}) {
            assertThat(TypedDates.date(typed)).as(typed).isEqualTo(CHRISTMAS_EVE);
        }
        assertThat(TypedDates.date("3 Mawrth 2027")).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(TypedDates.date("3 Mar 2027")).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(TypedDates.date("1 Mai 2027")).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(TypedDates.date("1/2/2027")).as("1 February, not 2 January").isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void aDateThatIsNoDayOrNoDateIsRefused() {
        for (String typed : new String[]{"31/02/2026", "24/13/2026", "tomorrow", "24 Ma 2026", "24 Smarch 2026", "24/12"}) {
            assertThatThrownBy(() -> TypedDates.date(typed)).as(typed).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void theTimesResidentsTypeAreRead() {
        LocalTime seven = LocalTime.of(19, 0);
        for (String typed : new String[]{"19:00", "19.00", "1900", "19", "7pm", "7 pm", "7 p.m.", "7PM", "7yh", "07:00 pm"}) {
            assertThat(TypedDates.time(typed)).as(typed).isEqualTo(seven);
        }
        assertThat(TypedDates.time("7.30pm")).isEqualTo(LocalTime.of(19, 30));
        assertThat(TypedDates.time("12pm")).isEqualTo(LocalTime.NOON);
        assertThat(TypedDates.time("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(TypedDates.time("9yb")).isEqualTo(LocalTime.of(9, 0));
        for (String typed : new String[]{"25:00", "13pm", "19:75", "evening", "0pm"}) {
            assertThatThrownBy(() -> TypedDates.time(typed)).as(typed).isInstanceOf(DateTimeException.class);
        }
    }
}
