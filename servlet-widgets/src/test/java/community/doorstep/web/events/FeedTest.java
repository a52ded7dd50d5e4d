package community.doorstep.web.events;

import community.doorstep.web.testing.ApiAssertions;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedTest extends NeighbourhoodWebTest {

    @Test
    void siteFeedIsAValidCalendarOfTheComingYear() throws Exception {
        HttpResponse<String> response = server.get("feeds/hulme/events.ics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(uids(response)).containsExactlyInAnyOrder("lunch-1@test", "repair-1@test", "fair-1@test",
                "winter-1@test", "esol-1@test");
    }

    @Test
    void feedTakesTheApisFilters() throws Exception {
        assertThat(uids(server.get("feeds/hulme/events.ics?tag=repair&tag=family")))
                .containsExactlyInAnyOrder("repair-1@test", "fair-1@test");
        assertThat(uids(server.get("feeds/hulme/events.ics?org=lunch-club&q=soup"))).containsExactly("winter-1@test");
        assertThat(uids(server.get("feeds/hulme/events.ics?area=hulme-central"))).isEmpty();
    }

    @Test
    void feedOfAnUnknownSiteIsNotFound() {
        ApiAssertions.problem(server.get("feeds/nowhere/events.ics"), 404);
    }

    @Test
    void feedWithABadFilterNamesTheParameter() {
        var problem = ApiAssertions.problem(server.get("feeds/hulme/events.ics?tag=Older%20People"), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("tag");
        assertThat(problem.path("errors").get(0).path("rule").asText()).isEqualTo("slug");
    }

    private static List<String> uids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        return events.stream().map(event -> event.getUid().orElseThrow().getValue()).toList();
    }
}
