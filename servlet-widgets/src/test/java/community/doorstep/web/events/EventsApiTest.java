package community.doorstep.web.events;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static community.doorstep.web.testing.ApiAssertions.fieldNames;
import static community.doorstep.web.testing.ApiAssertions.okJson;
import static community.doorstep.web.testing.ApiAssertions.texts;
import static community.doorstep.web.testing.Neighbourhood.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

class EventsApiTest extends NeighbourhoodWebTest {

    @Test
    void listsTheNext31DaysFromTodayInStartOrderByDefault() {
        JsonNode page = okJson(server.get(EVENTS));

        assertThat(texts(page.path("occurrences"), "title")).containsExactly(
                "ESOL conversation class", "Lunch club", "ESOL conversation class", "Lunch club", "Repair café",
                "ESOL conversation class", "Lunch club", "ESOL conversation class", "Lunch club",
                "ESOL conversation class");
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void writesEveryOccurrenceFieldInTheDocumentedOrder() {
        JsonNode lunch = okJson(server.get(EVENTS + "?q=lunch&limit=1")).path("occurrences").get(0);

        assertThat(fieldNames(lunch)).containsExactly("id", "eventId", "uid", "title", "language", "start", "end", "allDay",
                "status", "location", "onlineLink", "organisation", "tags", "description", "cost", "accessibility",
                "bookingLink", "links");
        String eventId = lunch.path("eventId").asText();
        assertThat(lunch.path("id").asText()).isEqualTo(eventId + "@" + 1780570800L);
        assertThat(lunch.path("uid").asText()).isEqualTo("lunch-1@test");
        assertThat(lunch.path("title").asText()).isEqualTo("Lunch club");
        assertThat(lunch.path("language").isNull()).as("its calendar states none").isTrue();
        assertThat(lunch.path("start").asText()).isEqualTo("2026-06-04T12:00:00+01:00");
        assertThat(lunch.path("end").asText()).isEqualTo("2026-06-04T14:00:00+01:00");
        assertThat(lunch.path("allDay").asBoolean()).isFalse();
        assertThat(lunch.path("status").asText()).isEqualTo("confirmed");
        assertThat(lunch.path("location").asText()).isEqualTo("St Wilfrid's Centre");
        assertThat(lunch.path("onlineLink").isNull()).isTrue();
        assertThat(lunch.path("organisation").asText()).isEqualTo("lunch-club");
        assertThat(lunch.path("tags").toString()).isEqualTo("[\"food\",\"older-people\"]");
        assertThat(lunch.path("description").asText()).isEqualTo("A hot two-course lunch and good company.");
        assertThat(lunch.path("cost").isNull()).isTrue();
        assertThat(lunch.path("links").path("self").asText()).isEqualTo("/doorstep/" + EVENTS + "/" + eventId);
        assertThat(lunch.path("links").path("ics").asText()).isEqualTo("/doorstep/" + EVENTS + "/" + eventId + ".ics");
    }

    @Test
    void writesAllDayOccurrencesAsDatesWithAnExclusiveEnd() {
        JsonNode fair = okJson(server.get(EVENTS + "?from=2026-07-01&to=2026-08-01&tag=family")).path("occurrences").get(0);

        assertThat(fair.path("title").asText()).isEqualTo("Summer fair");
        assertThat(fair.path("start").asText()).isEqualTo("2026-07-17");
        assertThat(fair.path("end").asText()).isEqualTo("2026-07-18");
        assertThat(fair.path("allDay").asBoolean()).isTrue();
    }

    @Test
    void writesWinterTimesWithTheZeroOffsetAsZ() {
        JsonNode soup = okJson(server.get(EVENTS + "?from=2027-03-01&to=2027-04-01&q=soup")).path("occurrences").get(0);

        assertThat(soup.path("start").asText()).isEqualTo("2027-03-04T12:00:00Z");
    }

    @Test
    void windowIsHalfOpenFromStartOfFromToStartOfTo() {
        JsonNode page = okJson(server.get(EVENTS + "?from=2026-06-04&to=2026-06-05"));

        assertThat(texts(page.path("occurrences"), "start")).containsExactly("2026-06-04T12:00:00+01:00");
        assertThat(okJson(server.get(EVENTS + "?from=2026-06-03&to=2026-06-04")).path("occurrences")).isEmpty();
    }

    @Test
    void tagFilterKeepsOccurrencesWithAnyOfTheTags() {
        assertThat(titles(EVENTS + "?tag=older-people")).containsOnly("Lunch club").hasSize(4);
        assertThat(titles(EVENTS + "?tag=older-people&tag=repair")).containsOnly("Lunch club", "Repair café").hasSize(5);
    }

    @Test
    void organisationFilterKeepsThatGroupsOccurrences() {
        assertThat(titles(EVENTS + "?org=lunch-club")).containsOnly("Lunch club", "Repair café").hasSize(5);
    }

    @Test
    void textFilterMatchesWordsInTitleDescriptionAndPlace() {
        assertThat(titles(EVENTS + "?q=repair")).containsExactly("Repair café");
        assertThat(titles(EVENTS + "?q=two-course")).containsOnly("Lunch club");
        assertThat(titles(EVENTS + "?q=zion%20centre")).containsOnly("ESOL conversation class");
    }

    @Test
    void areaFilterWithNoEventsInTheAreaListsNothing() {
        assertThat(okJson(server.get(EVENTS + "?area=hulme-central")).path("occurrences")).isEmpty();
    }

    @Test
    void pagesFollowedByCursorAddUpToTheUnpagedList() {
        String window = EVENTS + "?from=2026-06-01&to=2026-09-01";
        List<String> unpaged = texts(okJson(server.get(window + "&limit=1000")).path("occurrences"), "id");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = okJson(server.get(window + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(page.path("occurrences").size()).isBetween(1, 4);
            paged.addAll(texts(page.path("occurrences"), "id"));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(unpaged).hasSizeGreaterThan(20).doesNotHaveDuplicates();
        assertThat(paged).isEqualTo(unpaged);
        assertThat(pages).isEqualTo((unpaged.size() + 3) / 4);
    }

    @Test
    void oneEventIsItsFirstInstanceAndSaysWhetherItRepeats() {
        JsonNode listed = okJson(server.get(EVENTS + "?q=lunch&limit=1")).path("occurrences").get(0);
        String eventId = listed.path("eventId").asText();

        JsonNode event = okJson(server.get(EVENTS + "/" + eventId));

        List<String> listFields = fieldNames(listed);
        List<String> eventFields = new ArrayList<>(listFields);
        eventFields.add("recurring");
        assertThat(fieldNames(event)).containsExactlyElementsOf(eventFields);
        for (String field : listFields) {
            assertThat(event.get(field)).as(field).isEqualTo(listed.get(field));
        }
        assertThat(event.path("recurring").asBoolean()).isTrue();

        String repairId = okJson(server.get(EVENTS + "?q=repair")).path("occurrences").get(0).path("eventId").asText();
        assertThat(okJson(server.get(EVENTS + "/" + repairId)).path("recurring").asBoolean()).isFalse();
    }

    @Test
    void eventCalendarIsAValidDownloadOfThatEvent() throws Exception {
        String eventId = okJson(server.get(EVENTS + "?q=lunch&limit=1")).path("occurrences").get(0).path("eventId").asText();

        HttpResponse<String> response = server.get(EVENTS + "/" + eventId + ".ics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"event.ics\"");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getUid().orElseThrow().getValue()).isEqualTo("lunch-1@test");
        assertThat(events.get(0).getProperty("RRULE")).isPresent();
    }

    @Test
    void organisationsAndAreasListTheSitesOwn() {
        JsonNode organisations = okJson(server.get("api/v1/sites/hulme/organisations")).path("organisations");
        assertThat(organisations).hasSize(1);
        assertThat(fieldNames(organisations.get(0))).containsExactly("id", "name", "area", "website");
        assertThat(organisations.get(0).path("name").asText()).isEqualTo("Hulme Lunch Club");
        assertThat(organisations.get(0).path("area").asText()).isEqualTo("hulme-central");

        JsonNode areas = okJson(server.get("api/v1/sites/hulme/areas")).path("areas");
        assertThat(texts(areas, "id")).containsExactly("hulme-central");
        assertThat(texts(areas, "name")).containsExactly("Hulme Central");
    }

    @Test
    void tagsAreTheSortedDistinctTagsOfTheComingYear() {
        JsonNode tags = okJson(server.get("api/v1/sites/hulme/tags")).path("tags");

        assertThat(tags.toString()).isEqualTo("[\"family\",\"food\",\"learning\",\"older-people\",\"repair\"]");
    }

    private static List<String> titles(String path) {
        return texts(okJson(server.get(path)).path("occurrences"), "title");
    }
}
