package community.doorstep.web.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Refuses a body declared larger than {@link GuardFilter#MAX_BODY_BYTES} before anything reads it, as a 413 that is
 * answered by Accept like every other error. A body that does not declare its length is capped where it is read.
 */
@PreMatching
final class BodyLimit implements ContainerRequestFilter {
    /** A body up to this size is read and dropped first, so the client, still sending, hears the answer. */
    private static final int DRAINED = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > GuardFilter.MAX_BODY_BYTES) {
            if (length <= DRAINED) {
                try (InputStream body = request.getEntityStream()) {
                    body.transferTo(OutputStream.nullOutputStream());
                } catch (IOException gone) {
                    // the client went away; it gets its answer if it is still there
                }
            }
            throw new WebApplicationException(413);
        }
    }
}
