package community.doorstep.access;

import community.doorstep.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessServiceTest {
    private static final String SITE = "hulme";
    private final MemoryAccessStore store = new MemoryAccessStore();
    private final AccessService access = new AccessService(store, new MutableClock(Instant.parse("2026-06-01T09:00:00Z")));

    @Test
    void linksUseOnlyLettersAndDigitsThatCannotBeMistakenForEachOther() {
        Set<String> tokens = new HashSet<>();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = access.issue(SITE, Capability.SUBMISSION, "event-" + i);
            assertThat(token).matches("[0-9a-z]{26}").doesNotContain("i", "l", "o", "u");
            tokens.add(token);
            token.chars().forEach(c -> used.add((char) c));
        }
        assertThat(tokens).hasSize(200);
        // 5,200 characters drawn from 32: every one of them turns up, so each carries its 5 random bits
        assertThat(used).hasSize(32);
    }

    @Test
    void aLinkCopiedByHandInCapitalsOrWithLookAlikesStillOpens() {
        String token = access.issue(SITE, Capability.SUBMISSION, "event-1");
        String copied = token.toUpperCase(Locale.ROOT).replace('0', 'O').replace('1', 'l');

        assertThat(access.find(SITE, Capability.SUBMISSION, copied)).map(Grant::subjectId).contains("event-1");
        assertThat(access.find(SITE, Capability.SUBMISSION, token.substring(0, 25))).isEmpty();
        assertThat(access.find(SITE, Capability.SUBMISSION, token + "x")).isEmpty();
        assertThat(access.find(SITE, Capability.SUBMISSION, token.substring(0, 25) + "u")).isEmpty();
    }

    @Test
    void linksIssuedEarlierAsUrlSafeBase64KeepWorkingExactlyAsWritten() {
        String earlier = "Kx0l_-9QwErTyUiOpAsDfGhJkLzXcVbNm1234567890";
        store.save(new Grant(AccessService.hash(earlier), SITE, Capability.CHECK_IN, "check-in-1", Instant.EPOCH));

        assertThat(access.find(SITE, Capability.CHECK_IN, earlier)).map(Grant::subjectId).contains("check-in-1");
        assertThat(access.find(SITE, Capability.CHECK_IN, earlier.toLowerCase(Locale.ROOT))).isEmpty();
    }
}
