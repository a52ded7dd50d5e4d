package community.doorstep.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCheckCommandTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-03T09:00:00Z"), ZoneOffset.UTC);

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = DoorstepCommand.run(CLOCK, args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static String sample() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(FeedCheckCommandTest.class.getResource("outlook-mixed.ics")).toURI()).toString();
    }

    @Test
    void jsonListsOccurrencesInStartOrderWithOffsetsInTheZoneAndDatesForAllDay() throws Exception {
        Run run = run("feed", "check", sample(), "--from", "2026-03-01", "--to", "2026-08-01", "--format", "json");
        assertThat(run.status()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        List<String> lines = new ArrayList<>();
        rows.forEach(row -> lines.add(row.get("start").asText() + " " + row.get("end").asText() + " "
                + row.get("allDay").asBoolean() + " " + row.get("status").asText() + " " + row.get("title").asText()));
        assertThat(lines).containsExactly(
                "2026-03-05T12:00:00Z 2026-03-05T13:00:00Z false confirmed Tenants' meeting, all welcome",
                "2026-04-02T12:00:00+01:00 2026-04-02T13:00:00+01:00 false confirmed Tenants' meeting, all welcome",
                "2026-05-07T12:00:00+01:00 2026-05-07T13:00:00+01:00 false confirmed Tenants' meeting, all welcome",
                "2026-06-04T12:00:00+01:00 2026-06-04T13:00:00+01:00 false confirmed Tenants' meeting, all welcome",
                "2026-07-02T12:00:00+01:00 2026-07-02T13:00:00+01:00 false confirmed Tenants' meeting, all welcome",
                "2026-07-17 2026-07-18 true tentative Summer fair");
        assertThat(rows.get(0).get("uid").asText()).isEqualTo("040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5");
        assertThat(rows.get(0).get("location").asText()).isEqualTo("Hulme Community Centre");
        assertThat(run.err()).contains("skipped broken@example.org");
    }

    @Test
    void textIsATableThatNamesWhatWasLeftOut() throws Exception {
        Run run = run("feed", "check", sample(), "--from", "2026-07-01", "--to", "2026-08-01");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("2 occurrences from 2026-07-01 to 2026-08-01 (Europe/London)")
                .contains("Thu 2 Jul 2026 12:00–13:00", "Fri 17 Jul 2026, all day", "tentative")
                .contains("Left out of the calendar:", "broken@example.org");
    }

    @Test
    void anotherZoneShiftsTimedOccurrencesButNotDates() throws Exception {
        Run run = run("feed", "check", sample(), "--from", "2026-07-01", "--to", "2026-08-01", "--zone", "America/New_York",
                "--format", "json");
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows.get(0).get("start").asText()).isEqualTo("2026-07-02T07:00:00-04:00");
        assertThat(rows.get(1).get("start").asText()).isEqualTo("2026-07-17");
    }

    @Test
    void aMissingFileIsAClearErrorAndANonZeroExit() {
        Run run = run("feed", "check", "no-such-calendar.ics", "--from", "2026-07-01", "--to", "2026-08-01");
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("cannot read no-such-calendar.ics");
    }

    @Test
    void aCalendarThatIsNoCalendarNamesTheLine() throws Exception {
        Path html = java.nio.file.Files.createTempFile("not-a-calendar", ".ics");
        java.nio.file.Files.writeString(html, "<!doctype html>\n<title>404</title>\n");
        Run run = run("feed", "check", html.toString(), "--from", "2026-07-01", "--to", "2026-08-01");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("calendar line 1: this is not an iCalendar file");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertThat(run("feed", "check", sample(), "--from", "yesterday", "--to", "2026-08-01").status()).isEqualTo(2);
        Run tooLong = run("feed", "check", sample(), "--from", "2026-01-01", "--to", "2036-01-02");
        assertThat(tooLong.status()).isEqualTo(1);
        assertThat(tooLong.err()).contains("to must be at most 10 years after from");
    }

    @Test
    void aCoordinatorChecksSeveralYearsOfACalendarAtOnceEachOccurrenceListedOnce() throws Exception {
        Run run = run("feed", "check", sample(), "--from", "2025-06-01", "--to", "2028-06-01", "--format", "json");
        assertThat(run.status()).isZero();
        List<String> starts = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(row -> starts.add(row.get("start").asText()));
        assertThat(starts).doesNotHaveDuplicates().isSorted()
                .anyMatch(start -> start.startsWith("2026-03-05"));
        Run oneYear = run("feed", "check", sample(), "--from", "2026-01-01", "--to", "2027-01-01", "--format", "json");
        List<String> inOneYear = new ArrayList<>();
        new ObjectMapper().readTree(oneYear.out()).forEach(row -> inOneYear.add(row.get("start").asText()));
        assertThat(starts).containsAll(inOneYear);
    }
}
