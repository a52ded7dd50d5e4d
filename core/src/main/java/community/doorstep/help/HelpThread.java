package community.doorstep.help;

import java.util.List;
import java.util.Set;

/**
 * One side's view of the conversation between giver and receiver of a claim or a request: the messages, what each
 * side agreed to share, and the other side's contact once both have agreed (only the parts they chose).
 *
 * @param threadId    the claim's or the request's id
 * @param me          the side looking
 * @param about       the offer's title or the request's need
 * @param otherName   the name the other side gave, or {@code null} while nobody answered a request
 * @param posts       the messages, oldest first
 * @param myShares    what I agreed to share, or {@code null}: not decided
 * @param theirShares what they agreed to share, or {@code null}: not decided
 * @param released    their contact, limited to what they chose, once both sides agreed; else {@code null}
 */
public record HelpThread(String threadId, Side me, String about, String otherName, List<ThreadPost> posts,
                         Set<Contact.Part> myShares, Set<Contact.Part> theirShares, Contact released) {
    public HelpThread {
        posts = List.copyOf(posts);
    }
}
