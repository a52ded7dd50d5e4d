package community.doorstep.web.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses a body declared larger than {@link GuardFilter#MAX_BODY_BYTES} before anything reads it, as a 413 that is
 * answered by Accept like every other error. A body that does not declare its length is capped where it is read.
 */
@PreMatching
final class BodyLimit implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > GuardFilter.MAX_BODY_BYTES) {
            throw new WebApplicationException(413);
        }
    }
}
