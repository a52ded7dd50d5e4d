package community.doorstep.checkin;

import community.doorstep.internal.Sealer;
import community.doorstep.store.Stores;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where circles and running check-ins are kept, and the counts that outlive them. Implementations are thread-safe;
 * {@link #replace} is a compare-and-set, so two nodes acting on one check-in at once never both succeed. The JDBC
 * store seals nicknames, notes and contacts before they are written.
 */
public interface CheckInStore {
    /** The store this feature keeps on the chosen storage; the sealer encrypts what the JDBC store writes. */
    static CheckInStore of(Stores stores, Sealer sealer) {
        return stores.shared(CheckInStore.class, () -> stores.memoryOnly()
                ? new MemoryCheckInStore()
                : new JdbcCheckInStore(stores.database(), sealer));
    }

    void saveCircle(Circle circle);

    Optional<Circle> circle(String siteId, String circleId);

    List<Circle> circles(String siteId);

    void deleteCircle(String siteId, String circleId);

    void add(CheckIn checkIn);

    Optional<CheckIn> find(String siteId, String checkInId);

    /**
     * Replaces a check-in with {@code updated} if it is still exactly as {@code expected} (its state, tier, deadline,
     * acknowledgement and extensions).
     *
     * @return whether it was replaced
     */
    boolean replace(CheckIn expected, CheckIn updated);

    /** Deletes the check-in and the links of numbers to it. */
    void delete(String siteId, String checkInId);

    Optional<CheckInSettings> settings(String siteId);

    void saveSettings(CheckInSettings settings);

    void saveGateway(SmsGateway gateway);

    Optional<SmsGateway> gateway(String siteId);

    /** Links a phone number (by its keyed digest) to a check-in, for texts from it. */
    void linkNumber(String siteId, String numberDigest, String checkInId, Instant at);

    /** The check-ins a number is linked to, newest link first. */
    List<String> checkInsOfNumber(String siteId, String numberDigest);

    /** Check-ins that became safe before the instant, on every site. */
    List<CheckIn> endedBefore(Instant instant);

    /** Counts one ended check-in in its week: whether it raised an alert, and the seconds to acknowledge (or -1). */
    void count(String siteId, LocalDate week, boolean alerted, long secondsToAcknowledge);

    /** The site's counts, by week. */
    List<CheckInCount> counts(String siteId);
}
