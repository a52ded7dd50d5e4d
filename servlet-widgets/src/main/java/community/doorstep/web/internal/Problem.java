package community.doorstep.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import community.doorstep.FieldError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type   a stable URI naming the kind of problem, or {@code about:blank} when the status says it all
 * @param title  a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail a plain sentence about this occurrence of the problem
 * @param errors for invalid input, each field at fault and the rule it broke; left out otherwise
 */
record Problem(String type, String title, int status, String detail,
               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {
    static final String MEDIA_TYPE = "application/problem+json";
    /** Errors are never cached, so a site created a moment later is found at once. */
    static final String CACHE_CONTROL = "no-store";
    private static final String TYPES = "https://doorstep.community/problems/";

    /** The statuses Doorstep gives a type and title of its own; others are {@code about:blank}. */
    private static final Map<Integer, Kind> KNOWN = Map.of(
            400, new Kind("bad-request", "Bad request"),
            404, new Kind("not-found", "Not found"),
            405, new Kind("method-not-allowed", "Method not allowed"),
            406, new Kind("not-acceptable", "Not acceptable"),
            409, new Kind("conflict", "Conflict"),
            413, new Kind("content-too-large", "Content too large"),
            415, new Kind("unsupported-media-type", "Unsupported media type"),
            500, new Kind("internal-error", "Internal error"));

    private record Kind(String slug, String title) {
    }

    Problem {
        detail = detail == null || detail.isBlank() ? title : detail;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Input that broke rules: always 400, with every field at fault listed. */
    static Problem invalidInput(String detail, List<FieldError> errors) {
        return new Problem(TYPES + "invalid-input", "Invalid input", 400, detail, errors);
    }

    static Problem of(int status, String detail) {
        Kind known = KNOWN.get(status);
        if (known != null) {
            return new Problem(TYPES + known.slug(), known.title(), status, detail, List.of());
        }
        Response.Status standard = Response.Status.fromStatusCode(status);
        String title = standard == null ? "Error" : standard.getReasonPhrase();
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /** What an unexpected failure shows: nothing about its cause. */
    static Problem internalError() {
        return serverError(500);
    }

    /** A failure on the server's side with the given 5xx status, again saying nothing about its cause. */
    static Problem serverError(int status) {
        return of(status, "something went wrong on the server; please try again later");
    }

    byte[] toJson() {
        return Json.bytes(this);
    }

    Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .entity(toJson()).build();
    }
}
