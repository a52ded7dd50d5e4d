package community.doorstep.web.internal;

import community.doorstep.web.testing.ApiAssertions;
import community.doorstep.web.testing.NeighbourhoodWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static community.doorstep.web.testing.Neighbourhood.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

class CachingTest extends NeighbourhoodWebTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EVENTS, EVENTS + "?tag=food&limit=2", "api/v1/sites/hulme/tags",
            "api/v1/sites/hulme/organisations", "api/v1/sites/hulme/areas", "feeds/hulme/events.ics"})
    void successfulReadHasAStrongETagAndAShortPublicLifetime(String path) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(
                tag -> assertThat(tag).matches("\"[A-Za-z0-9_-]{43}\""));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EVENTS, "feeds/hulme/events.ics"})
    void matchingIfNoneMatchIsNotModifiedWithoutABody(String path) {
        String tag = server.get(path).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = server.get(path, "If-None-Match", tag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(tag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @Test
    void eventDownloadIsTaggedAndRevalidatedToo() {
        String eventId = ApiAssertions.okJson(server.get(EVENTS + "?q=repair")).path("occurrences").get(0)
                .path("eventId").asText();
        String path = EVENTS + "/" + eventId + ".ics";
        String tag = server.get(path).headers().firstValue("ETag").orElseThrow();

        assertThat(server.get(path, "If-None-Match", tag).statusCode()).isEqualTo(304);
        assertThat(server.get(EVENTS + "/" + eventId, "If-None-Match", tag).statusCode())
                .as("the JSON of the same event is another representation").isEqualTo(200);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String tag = server.get(EVENTS).headers().firstValue("ETag").orElseThrow();

        assertThat(server.get(EVENTS, "If-None-Match", "W/" + tag).statusCode()).isEqualTo(304);
        assertThat(server.get(EVENTS, "If-None-Match", "\"other\", " + tag).statusCode()).isEqualTo(304);
        assertThat(server.get(EVENTS, "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(server.get(EVENTS, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void differentAnswersHaveDifferentTagsAndTheSameAnswerTheSameTag() {
        String all = server.get(EVENTS).headers().firstValue("ETag").orElseThrow();
        String food = server.get(EVENTS + "?tag=food").headers().firstValue("ETag").orElseThrow();

        assertThat(food).isNotEqualTo(all);
        assertThat(server.get(EVENTS).headers().firstValue("ETag")).hasValue(all);
    }

    @Test
    void headAnswersWithTheTagOfTheGet() {
        String tag = server.get(EVENTS).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> head = server.send(server.request(EVENTS).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).hasValue(tag);
    }

    @Test
    void errorsAreNeitherTaggedNorCached() {
        HttpResponse<String> response = server.get("api/v1/sites/nowhere/events");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
