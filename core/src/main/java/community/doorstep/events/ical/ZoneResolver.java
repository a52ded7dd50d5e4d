package community.doorstep.events.ical;

import net.fortuna.ical4j.model.TimeZoneRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.TreeSet;
import java.util.Properties;
import java.util.Set;

/**
 * Turns a TZID into a zone. The tz database wins for any id it knows, because a calendar's own VTIMEZONE often
 * covers only a few years; then Windows names (Outlook), path-like ids ending in a tz id (old Thunderbird:
 * {@code /mozilla.org/20050126_1/Europe/London}), and last the calendar's own VTIMEZONE for custom names.
 */
final class ZoneResolver {
    private static final Properties WINDOWS_ZONES = loadWindowsZones();
    private static final Set<String> TZ_DATABASE = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final List<ZoneId> PREFERRED = List.of(ZoneId.of("Europe/London"), ZoneId.of("Europe/Dublin"),
            ZoneId.of("Europe/Paris"), ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"));
    private static final Instant[] SAMPLES = samples();

    private final TimeZoneRegistry calendarZones;

    ZoneResolver(TimeZoneRegistry calendarZones) {
        this.calendarZones = calendarZones;
    }

    /** The zone for a TZID, or {@code null} when neither the tz database nor the calendar defines it. */
    ZoneId resolve(String tzid) {
        String id = tzid.strip();
        if (id.length() > 1 && id.startsWith("\"") && id.endsWith("\"")) {
            id = id.substring(1, id.length() - 1);
        }
        ZoneId known = knownZone(id);
        if (known != null) {
            return known;
        }
        try {
            return sameRulesInTzDatabase(calendarZones.getZoneId(id));
        } catch (RuntimeException noVTimeZone) {
            return null;
        }
    }

    /**
     * A custom VTIMEZONE gets a zone id that lives only in this JVM; stored events need one any JVM knows.
     * Take the tz database zone whose offsets agree at every sample around now (Europe/London first for a
     * UK calendar's "Community Hall Time"), or else the custom zone's standard offset.
     */
    private static ZoneId sameRulesInTzDatabase(ZoneId custom) {
        ZoneRules rules = custom.getRules();
        for (ZoneId candidate : PREFERRED) {
            if (agrees(rules, candidate.getRules())) {
                return candidate;
            }
        }
        for (String id : new TreeSet<>(TZ_DATABASE)) {
            if (agrees(rules, ZoneId.of(id).getRules())) {
                return ZoneId.of(id);
            }
        }
        return rules.getStandardOffset(SAMPLES[SAMPLES.length - 1]);
    }

    private static boolean agrees(ZoneRules a, ZoneRules b) {
        for (Instant sample : SAMPLES) {
            if (!a.getOffset(sample).equals(b.getOffset(sample))) {
                return false;
            }
        }
        return true;
    }

    private static Instant[] samples() {
        Instant start = LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Every fortnight for twenty years catches each DST change within two weeks of where it falls.
        Instant[] samples = new Instant[26 * 20];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = start.plus(Duration.ofDays(14L * i));
        }
        return samples;
    }

    /** A zone from the tz database (directly, by Windows name or as a path suffix), or {@code null}. */
    static ZoneId knownZone(String id) {
        if (TZ_DATABASE.contains(id)) {
            return ZoneId.of(id);
        }
        if (id.equalsIgnoreCase("UTC") || id.equalsIgnoreCase("GMT") || id.equalsIgnoreCase("Z")) {
            return ZoneId.of("UTC");
        }
        String windows = WINDOWS_ZONES.getProperty(id);
        if (windows != null) {
            return ZoneId.of(windows);
        }
        String[] parts = id.split("/");
        for (int first = 1; first < parts.length - 1; first++) {
            String suffix = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
            if (TZ_DATABASE.contains(suffix)) {
                return ZoneId.of(suffix);
            }
        }
        return null;
    }

    private static Properties loadWindowsZones() {
        Properties properties = new Properties();
        try (InputStream in = ZoneResolver.class.getResourceAsStream("windows-zones.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Windows time-zone table", e);
        }
        return properties;
    }
}
