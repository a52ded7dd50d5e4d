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
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    @Override
    public void add(Message message, String owner) {
        if (entries.putIfAbsent(message.id(), new OutboxEntry(message, OutboxEntry.State.PENDING, 0, null, null)) != null) {
            throw new community.doorstep.ConflictException("the outbox already holds message " + message.id());
        }
        if (owner != null) {
            owners.put(message.id(), message.siteId() + "\n" + owner);
        }
    }

    @Override
    public void forget(String siteId, String owner) {
        owners.forEach((id, of) -> {
            if (of.equals(siteId + "\n" + owner)) {
                entries.remove(id);
                owners.remove(id);
            }
        });
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
            if (old) {
                purged[0]++;
                owners.remove(entry.message().id());
            }
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
