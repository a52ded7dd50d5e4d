package community.doorstep.events;

import java.util.List;
import java.util.Optional;

/**
 * One page of a query's occurrences, in start order.
 *
 * @param occurrences the occurrences on this page
 * @param nextCursor  pass to {@link EventQuery#withCursor(String)} for the next page; {@code null} on the last
 */
public record OccurrencePage(List<Occurrence> occurrences, String nextCursor) {
    public OccurrencePage {
        occurrences = List.copyOf(occurrences);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
