package community.doorstep.events.ical;

import community.doorstep.Doorstep;
import community.doorstep.InvalidInputException;
import community.doorstep.events.Feed;
import community.doorstep.events.ImportReport;
import community.doorstep.events.SkippedItem;
import community.doorstep.testing.TestDoorstep;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every calendar in the corpus (shaped like real exports from Google, Outlook, Apple, Thunderbird, Meetup,
 * Eventbrite and WordPress plugins) imports to exactly the occurrences its {@code .expected} file lists.
 */
class IcalCorpusTest {
    private static final Feed FEED = new Feed(TestDoorstep.SITE, "corpus", "lunch-club", null);

    @TestFactory
    Stream<DynamicTest> eachCalendarGivesTheOccurrencesItsExpectedFileLists() throws IOException, URISyntaxException {
        Path corpus = Path.of(Objects.requireNonNull(getClass().getResource("corpus")).toURI());
        List<Path> calendars;
        try (Stream<Path> files = Files.list(corpus)) {
            calendars = files.filter(file -> file.toString().endsWith(".ics")).sorted().toList();
        }
        assertThat(calendars).hasSizeGreaterThanOrEqualTo(30);
        return calendars.stream().map(calendar -> DynamicTest.dynamicTest(calendar.getFileName().toString(),
                () -> check(calendar, Path.of(calendar.toString().replaceFirst("\\.ics$", ".expected")))));
    }

    private static void check(Path calendar, Path expectedFile) throws IOException {
        Expected expected = Expected.read(expectedFile);
        Doorstep doorstep = TestDoorstep.inMemory(expected.zone);
        if (expected.rejectLine != null) {
            assertThatThrownBy(() -> importFile(doorstep, calendar))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("line " + expected.rejectLine + ":");
            return;
        }
        ImportReport report = importFile(doorstep, calendar);
        List<String> actual = TestDoorstep.all(doorstep, expected.from, expected.to, expected.zone).stream()
                .map(occurrence -> TestDoorstep.line(occurrence, expected.zone))
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected.occurrences);
        assertThat(report.skipped().stream().filter(item -> item.reason() == SkippedItem.Reason.INVALID)
                .map(SkippedItem::uid)).containsExactlyInAnyOrderElementsOf(expected.skipped);

        ImportReport again = importFile(doorstep, calendar);
        assertThat(again.created() + again.updated() + again.removed()).as("re-import changes nothing").isZero();
    }

    private static ImportReport importFile(Doorstep doorstep, Path calendar) throws IOException {
        try (InputStream in = Files.newInputStream(calendar)) {
            return doorstep.events().feeds().importCalendar(FEED, in);
        }
    }

    private static final class Expected {
        LocalDate from;
        LocalDate to;
        ZoneId zone = ZoneId.of("Europe/London");
        Integer rejectLine;
        final List<String> occurrences = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        static Expected read(Path file) throws IOException {
            Expected expected = new Expected();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.strip().split(" ");
                switch (words[0]) {
                    case "window" -> {
                        expected.from = LocalDate.parse(words[1]);
                        expected.to = LocalDate.parse(words[2]);
                    }
                    case "zone" -> expected.zone = ZoneId.of(words[1]);
                    case "reject" -> expected.rejectLine = Integer.parseInt(words[1]);
                    case "skip" -> expected.skipped.add(line.strip().substring(5));
                    default -> expected.occurrences.add(line.strip());
                }
            }
            if (expected.rejectLine == null && expected.from == null) {
                throw new IllegalStateException(file.getFileName() + " has no window line");
            }
            return expected;
        }
    }
}
