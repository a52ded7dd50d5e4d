package community.doorstep.web.internal;

import community.doorstep.ConflictException;
import community.doorstep.ForbiddenException;
import community.doorstep.InvalidInputException;
import community.doorstep.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns every failure into a problem+json response. Bad input is the caller's to fix and says what is wrong;
 * anything unexpected is logged here and shows the caller nothing of its cause.
 */
final class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof InvalidInputException invalid) {
            return Problem.invalidInput(invalid.getMessage(), invalid.errors()).toResponse();
        }
        if (failure instanceof NotFoundException) {
            return Problem.of(404, failure.getMessage()).toResponse();
        }
        if (failure instanceof ForbiddenException) {
            // a secret link that does not work: said plainly, never a server error
            return Problem.of(403, failure.getMessage()).toResponse();
        }
        if (failure instanceof ConflictException) {
            return Problem.of(409, failure.getMessage()).toResponse();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return fromJersey(web.getResponse());
        }
        int status = failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 500;
        // no request details: query strings can carry what residents typed
        LOG.error("unexpected failure while answering a request", failure);
        return Problem.serverError(status).toResponse();
    }

    /** Jersey's own refusals (no such path, wrong method, unacceptable type) keep their status and Allow header. */
    private static Response fromJersey(Response refusal) {
        if (refusal.getStatus() < 400) {
            return refusal;
        }
        Response problem = Problem.of(refusal.getStatus(), detail(refusal)).toResponse();
        Set<String> allowed = refusal.getAllowedMethods();
        return allowed.isEmpty() ? problem
                : Response.fromResponse(problem).header(HttpHeaders.ALLOW, String.join(", ", new TreeSet<>(allowed))).build();
    }

    private static String detail(Response refusal) {
        return switch (refusal.getStatus()) {
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not accept that method; it allows "
                    + String.join(", ", new TreeSet<>(refusal.getAllowedMethods()));
            case 406 -> "this address cannot answer in any of the media types the Accept header asks for";
            case 415 -> "this address does not accept a body of that media type";
            case 413 -> "the request body must be at most " + GuardFilter.MAX_BODY_BYTES / 1024 + " KiB";
            default -> "the request was refused: " + refusal.getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT);
        };
    }
}
