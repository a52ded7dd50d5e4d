package community.doorstep.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Check-ins in memory: one lock, so every change is atomic. */
final class MemoryCheckInStore implements CheckInStore {
    private final Map<String, Circle> circles = new LinkedHashMap<>();
    private final Map<String, CheckIn> checkIns = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, int[]>> counts = new HashMap<>();
    private final Map<String, Map<LocalDate, List<Long>>> acknowledgements = new HashMap<>();
    private final Map<String, SmsGateway> gateways = new HashMap<>();
    private final Map<String, CheckInSettings> settings = new HashMap<>();
    /** site/digest to check-in ids, newest last. */
    private final Map<String, List<String>> numbers = new HashMap<>();

    private static String key(String siteId, String id) {
        return siteId + "/" + id;
    }

    @Override
    public synchronized void saveCircle(Circle circle) {
        circles.put(key(circle.siteId(), circle.id()), circle);
    }

    @Override
    public synchronized Optional<Circle> circle(String siteId, String circleId) {
        return Optional.ofNullable(circles.get(key(siteId, circleId)));
    }

    @Override
    public synchronized List<Circle> circles(String siteId) {
        return circles.values().stream().filter(circle -> circle.siteId().equals(siteId)).toList();
    }

    @Override
    public synchronized void deleteCircle(String siteId, String circleId) {
        circles.remove(key(siteId, circleId));
    }

    @Override
    public synchronized void add(CheckIn checkIn) {
        checkIns.put(key(checkIn.siteId(), checkIn.id()), checkIn);
    }

    @Override
    public synchronized Optional<CheckIn> find(String siteId, String checkInId) {
        return Optional.ofNullable(checkIns.get(key(siteId, checkInId)));
    }

    @Override
    public synchronized boolean replace(CheckIn expected, CheckIn updated) {
        CheckIn stored = checkIns.get(key(expected.siteId(), expected.id()));
        if (stored == null || !JdbcCheckInStore.sameMoment(stored, expected)) {
            return false;
        }
        checkIns.put(key(updated.siteId(), updated.id()), updated);
        return true;
    }

    @Override
    public synchronized void delete(String siteId, String checkInId) {
        checkIns.remove(key(siteId, checkInId));
        numbers.values().forEach(linked -> linked.remove(checkInId));
    }

    @Override
    public synchronized Optional<CheckInSettings> settings(String siteId) {
        return Optional.ofNullable(settings.get(siteId));
    }

    @Override
    public synchronized void saveSettings(CheckInSettings newSettings) {
        settings.put(newSettings.siteId(), newSettings);
    }

    @Override
    public synchronized void saveGateway(SmsGateway gateway) {
        gateways.put(gateway.siteId(), gateway);
    }

    @Override
    public synchronized Optional<SmsGateway> gateway(String siteId) {
        return Optional.ofNullable(gateways.get(siteId));
    }

    @Override
    public synchronized void linkNumber(String siteId, String numberDigest, String checkInId, Instant at) {
        numbers.computeIfAbsent(key(siteId, numberDigest), k -> new ArrayList<>()).add(checkInId);
    }

    @Override
    public synchronized List<String> checkInsOfNumber(String siteId, String numberDigest) {
        List<String> linked = new ArrayList<>(numbers.getOrDefault(key(siteId, numberDigest), List.of()));
        java.util.Collections.reverse(linked);
        return linked;
    }

    @Override
    public synchronized List<CheckIn> endedBefore(Instant instant) {
        return checkIns.values().stream().filter(c -> c.endedAt() != null && c.endedAt().isBefore(instant))
                .sorted(Comparator.comparing(CheckIn::endedAt)).toList();
    }

    @Override
    public synchronized void count(String siteId, LocalDate week, boolean alerted, long secondsToAcknowledge) {
        int[] count = counts.computeIfAbsent(siteId, k -> new TreeMap<>()).computeIfAbsent(week, k -> new int[2]);
        count[0]++;
        count[1] += alerted ? 1 : 0;
        if (secondsToAcknowledge >= 0) {
            acknowledgements.computeIfAbsent(siteId, k -> new HashMap<>()).computeIfAbsent(week, k -> new ArrayList<>())
                    .add(secondsToAcknowledge);
        }
    }

    @Override
    public synchronized List<CheckInCount> counts(String siteId) {
        List<CheckInCount> all = new ArrayList<>();
        counts.getOrDefault(siteId, new TreeMap<>()).forEach((week, count) -> all.add(new CheckInCount(siteId, week,
                count[0], count[1], JdbcCheckInStore.median(acknowledgements.getOrDefault(siteId, Map.of())
                .getOrDefault(week, List.of())))));
        return all;
    }
}
