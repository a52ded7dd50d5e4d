package community.doorstep.web.events;

import com.fasterxml.jackson.databind.JsonNode;
import community.doorstep.Doorstep;
import community.doorstep.events.Feed;
import community.doorstep.web.internal.Widgets;
import community.doorstep.web.testing.ApiAssertions;
import community.doorstep.web.testing.Neighbourhood;
import community.doorstep.web.testing.WebServer;
import community.doorstep.web.testing.WidgetAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static community.doorstep.web.testing.Neighbourhood.EVENTS;
import static community.doorstep.web.testing.WidgetAssertions.jsonLd;
import static community.doorstep.web.testing.WidgetAssertions.link;
import static community.doorstep.web.testing.WidgetAssertions.ok;
import static community.doorstep.web.testing.WidgetAssertions.page;
import static org.assertj.core.api.Assertions.assertThat;

/** The public event widgets: the list, the month table, one event, and the stylesheets. */
class EventWidgetsTest {
    private static final String LIST = "w/hulme/events";
    private static WebServer server;
    private static String lunchId;

    @BeforeAll
    static void start() {
        Doorstep doorstep = Neighbourhood.create();
        String hostile = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:hostile@test\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/London:20260605T100000\r\n"
                + "DTEND;TZID=Europe/London:20260605T110000\r\nSUMMARY:<script>alert(1)</script>\r\n"
                + "LOCATION:\"Hall\" & <b>room</b>\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        doorstep.events().feeds().importCalendar(new Feed("hulme", "hostile", null, null),
                new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8)));
        server = WebServer.start(doorstep, "/doorstep");
        lunchId = ApiAssertions.okJson(server.get(EVENTS + "?q=lunch&limit=1")).path("occurrences").get(0)
                .path("eventId").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listShowsTheNextFortnightDayByDayInStartOrderInEnglish() {
        String body = ok(server.get(LIST));

        assertThat(body).contains("<html lang=\"en\" dir=\"ltr\">", "What&#39;s on", "Monday 1 June\u2009–\u2009Sunday 14 June");
        assertThat(body).containsSubsequence("Tuesday 2 June", "18:00–19:30", "ESOL conversation class",
                "Thursday 4 June", "12:00–14:00", "Lunch club", "St Wilfrid&#39;s Centre",
                "Friday 5 June", "Tuesday 9 June", "Thursday 11 June", "Saturday 13 June", "Repair café");
        assertThat(body).doesNotContain("Summer fair").doesNotContain("Monday 15 June");
        assertThat(body).contains("href=\"/doorstep/w/hulme/events/" + lunchId + "?date=2026-06-04\"");
        assertThat(body).contains("class=\"skip-link\" href=\"#main\"", "<label for=\"filter-q\">");
    }

    @Test
    void aTitleInALanguageTheGroupsCalendarStatesIsMarkedWithItOnEveryPageAndInTheApi() {
        Doorstep doorstep = Neighbourhood.create();
        String walk = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:walk@test\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/London:20260606T110000\r\n"
                + "DTEND;TZID=Europe/London:20260606T120000\r\nSUMMARY;LANGUAGE=cy:Taith gerdded Gymraeg\r\n"
                + "DESCRIPTION;LANGUAGE=cy:Dewch am dro a sgwrs\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        doorstep.events().feeds().importCalendar(new Feed("hulme", "cymraeg", null, null),
                new ByteArrayInputStream(walk.getBytes(StandardCharsets.UTF_8)));
        try (WebServer own = WebServer.start(doorstep, "/doorstep")) {
            JsonNode occurrence = ApiAssertions.okJson(own.get(EVENTS + "?q=taith")).path("occurrences").get(0);
            assertThat(occurrence.path("language").asText()).isEqualTo("cy");
            String eventPage = "w/hulme/events/" + occurrence.path("eventId").asText();

            assertThat(ok(own.get(LIST))).contains("lang=\"cy\">Taith gerdded Gymraeg</a>")
                    .doesNotContain("lang=\"cy\">Lunch club");
            assertThat(ok(own.get(LIST + "/month?month=2026-06"))).contains("lang=\"cy\">Taith gerdded Gymraeg</a>");
            assertThat(ok(own.get(eventPage))).contains("<h1 lang=\"cy\">Taith gerdded Gymraeg</h1>",
                    "lang=\"cy\">Dewch am dro a sgwrs</p>", "\"inLanguage\":\"cy\"");
            assertThat(ok(own.get(eventPage + "?lang=cy"))).contains("<html lang=\"cy\"", "<h1 lang=\"cy\">");
        }
    }

    @Test
    void listSpeaksWelshWhenAskedOrWhenTheBrowserPrefersIt() {
        String asked = ok(server.get(LIST + "?lang=cy"));
        String preferred = ok(server.get(LIST, "Accept-Language", "cy-GB, en;q=0.5"));

        for (String body : new String[]{asked, preferred}) {
            assertThat(body).contains("<html lang=\"cy\"", "Beth sy&#39;mlaen", "Dydd Iau 4 Mehefin", "Dydd Mawrth 2 Mehefin",
                    "Ychwanegu&#39;r digwyddiadau hyn at eich calendr");
        }
        assertThat(asked).contains("href=\"/doorstep/w/hulme/events/month?lang=cy\"");
        // the period by CLDR's Welsh interval pattern, not "… i Dydd Sul …", which would want the soft mutation
        assertThat(asked).contains("Dydd Llun, 1 Mehefin\u2009–\u2009Dydd Sul, 14 Mehefin").doesNotContain(" i Dydd");
        assertThat(server.get(LIST + "?lang=fr", "Accept-Language", "fr").body()).contains("<html lang=\"en\"");
    }

    @Test
    void filtersNarrowTheListAndPagingAndSubscribeLinksKeepThem() {
        String body = ok(server.get(LIST + "?q=lunch&org=lunch-club"));

        assertThat(body).contains("Lunch club").doesNotContain("ESOL conversation class").doesNotContain("Repair café");
        assertThat(link(body, "/doorstep/w/hulme/events?from=2026-06-15"))
                .isEqualTo("/doorstep/w/hulme/events?from=2026-06-15&org=lunch-club&q=lunch");
        assertThat(link(body, "/doorstep/w/hulme/events?from=2026-05-18")).contains("q=lunch");
        String webcal = "webcal://" + server.origin().substring("http://".length())
                + "/doorstep/feeds/hulme/events.ics?org=lunch-club&q=lunch";
        assertThat(link(body, "webcal:")).isEqualTo(webcal);
        assertThat(link(body, server.origin() + "/doorstep/feeds/")).isEqualTo(server.origin()
                + "/doorstep/feeds/hulme/events.ics?org=lunch-club&q=lunch");
        assertThat(body).contains("<option value=\"lunch-club\" selected>Hulme Lunch Club</option>");
    }

    @Test
    void nextPeriodStartsWhereTheLastEnded() {
        String body = ok(server.get(LIST + "?from=2026-07-13"));
        assertThat(body).contains("Friday 17 July", "All day", "Summer fair");
    }

    @Test
    void hostileTitlesFromACalendarAreEscapedInHtmlAndInJsonLd() {
        String body = ok(server.get(LIST));

        assertThat(body).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>room</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;Hall&quot; &amp; &lt;b&gt;room&lt;/b&gt;");
        assertThat(body).contains("<\\/script>");
        JsonNode events = jsonLd(body);
        assertThat(events.isArray()).isTrue();
        assertThat(events).allSatisfy(event -> assertThat(event.path("@type").asText()).isEqualTo("Event"));
        assertThat(events.findValuesAsText("name")).contains("<script>alert(1)</script>", "Lunch club");
    }

    @Test
    void badParametersGetAFriendlyPageAndUnknownSitesAFriendly404() {
        String bad = page(server.get(LIST + "?from=yesterday"), 400);
        String missing = page(server.get("w/nowhere/events?lang=cy"), 404);

        assertThat(bad).contains("Something in the address is not right");
        assertThat(missing).contains("Heb ddod o hyd i&#39;r dudalen");
    }

    @Test
    void monthViewIsATableOfDaysWithCaptionAndNeighbouringMonths() {
        String body = ok(server.get(LIST + "/month?month=2026-06"));

        assertThat(body).contains("<caption class=\"visually-hidden\">June 2026</caption>", "<th scope=\"col\">Day</th>", "<th scope=\"row\">Monday 1 June");
        assertThat(body).containsSubsequence("Thursday 4 June", "Lunch club", "Thursday 11 June", "Lunch club",
                "Saturday 13 June", "Repair café", "Tuesday 30 June", "ESOL conversation class");
        assertThat(link(body, "/doorstep/w/hulme/events/month?month=2026-05")).isNotBlank();
        assertThat(link(body, "/doorstep/w/hulme/events/month?month=2026-07")).isNotBlank();
        assertThat(ok(server.get(LIST + "/month?month=2026-07&lang=cy"))).contains("<caption class=\"visually-hidden\">Gorffennaf 2026</caption>",
                "Dydd Gwener 17 Gorffennaf", "Drwy&#39;r dydd");
        assertThat(ok(server.get(LIST))).doesNotContain("<table");
    }

    @Test
    void eventPageShowsWhenWhereAndHowToAddItToACalendar() {
        String body = ok(server.get(LIST + "/" + lunchId + "?date=2026-06-11"));

        assertThat(body).contains("<h1>Lunch club</h1>", "Thursday 11 June 2026, 12:00–14:00", "A hot two-course lunch");
        assertThat(body).contains("href=\"https://www.openstreetmap.org/search?query=St+Wilfrid%27s+Centre\"");
        assertThat(body).contains("href=\"/doorstep/api/v1/sites/hulme/events/" + lunchId + ".ics\"");
        assertThat(link(body, "https://calendar.google.com/")).isEqualTo("https://calendar.google.com/calendar/render"
                + "?action=TEMPLATE&text=Lunch+club&dates=20260611T110000Z/20260611T130000Z"
                + "&details=A+hot+two-course+lunch+and+good+company.&location=St+Wilfrid%27s+Centre");
        JsonNode event = jsonLd(body);
        assertThat(event.path("@type").asText()).isEqualTo("Event");
        assertThat(event.path("startDate").asText()).isEqualTo("2026-06-11T12:00:00+01:00");
        assertThat(ok(server.get(LIST + "/" + lunchId + "?lang=cy"))).contains("Dydd Iau 4 Mehefin 2026, 12:00–14:00",
                "Ychwanegu at y calendr");
        assertThat(page(server.get(LIST + "/no-such-event"), 404)).contains("Page not found");
    }

    @Test
    void themeStylesheetHoldsOnlyCheckedCustomProperties() {
        HttpResponse<String> good = server.get("assets/theme.css?accent=%23C00&text=%23111111&font=serif&radius=8&compact=1");
        HttpResponse<String> hostile = server.get("assets/theme.css?accent=red;%7Dbody%7Bdisplay:none&background=%23fff;x"
                + "&font=Comic%20Sans&radius=99");

        assertThat(good.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(good.body()).contains("--ds-accent: #c00;", "--ds-text: #111111;", "--ds-font: Georgia",
                "--ds-radius: 8px;", "--ds-space: 0.5rem;");
        assertThat(hostile.body()).isEqualTo(":root {\n}\n");
        String page = ok(server.get(LIST + "?accent=%23C00&accent2=x&radius=4&font=bad"));
        assertThat(page).contains("href=\"/doorstep/assets/theme.css?accent=%23c00&amp;radius=4\"");
        assertThat(link(page, "/doorstep/w/hulme/events/month")).isEqualTo("/doorstep/w/hulme/events/month?accent=%23c00&radius=4");
        assertThat(ok(server.get(LIST + "?font=bad"))).as("no theme, no second stylesheet")
                .doesNotContain("<link rel=\"stylesheet\"");
    }

    @Test
    void thePagesOwnStylesheetIsTheOneTheContentSecurityPolicyAllowsByHash() throws Exception {
        HttpResponse<String> response = server.get(LIST);
        String body = ok(response);
        java.util.regex.Matcher style = java.util.regex.Pattern.compile("<style>(.*?)</style>", java.util.regex.Pattern.DOTALL)
                .matcher(body);
        assertThat(style.find()).isTrue();
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("style-src 'self' 'sha256-" + hash + "'");
        assertThat(style.find()).as("one inline stylesheet only").isFalse();
        assertThat(body).doesNotContain("doorstep.css");
    }

    @Test
    void stylesheetIsServedWithALongCacheLifetime() {
        HttpResponse<String> css = server.get("assets/doorstep.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue(Widgets.LONG_CACHE);
        assertThat(css.body()).contains("@media print", ":focus-visible", ".visually-hidden");
    }

    @Test
    void pagesAreFramedOnlyByTheSiteAndItsAllowedOrigins() {
        HttpResponse<String> response = server.get(LIST);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(WidgetAssertions.WIDGET_POLICY);
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }
}
