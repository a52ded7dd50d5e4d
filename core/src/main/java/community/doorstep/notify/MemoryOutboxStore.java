package community.doorstep.notify;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

final class MemoryOutboxStore implements OutboxStore {
    private final Map<String, OutboxEntry> entries = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    @Override
    public void add(Message message) {
        if (entries.putIfAbsent(message.id(), new OutboxEntry(message, OutboxEntry.State.PENDING, 0, null, null)) != null) {
            throw new community.doorstep.ConflictException("the outbox already holds message " + message.id());
        }
    }

    @Override
    public Optional<OutboxEntry> find(String messageId) {
        return Optional.ofNullable(entries.get(messageId));
    }

    @Override
    public void attempted(String messageId, OutboxEntry.State state, String error, Instant at) {
        entries.computeIfPresent(messageId, (id, entry) -> new OutboxEntry(entry.message(), state, entry.attempts() + 1,
                error, state == OutboxEntry.State.PENDING ? null : at));
    }

    @Override
    public List<OutboxEntry> recent(String siteId, int limit) {
        return entries.values().stream().filter(entry -> entry.message().siteId().equals(siteId))
                .sorted(Comparator.comparing((OutboxEntry entry) -> entry.message().createdAt()).reversed()
                        .thenComparing(entry -> entry.message().id()))
                .limit(limit).toList();
    }

    @Override
    public int purgeFinished(Instant before) {
        int[] purged = {0};
        entries.values().removeIf(entry -> {
            boolean old = entry.finishedAt() != null && entry.finishedAt().isBefore(before);
            purged[0] += old ? 1 : 0;
            return old;
        });
        return purged[0];
    }

    @Override
    public boolean isGone(String siteId, String target) {
        return gone.contains(siteId + "\n" + target);
    }

    @Override
    public void markGone(String siteId, String target, boolean isGone, Instant at) {
        if (isGone) {
            gone.add(siteId + "\n" + target);
        } else {
            gone.remove(siteId + "\n" + target);
        }
    }
}
