package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.schedule.DueWorkHealth;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import java.time.Instant;

/**
 * {@code api/v1/health}: whether due work is being done, for a monitor to poll. A silent scheduler is the worst
 * failure for check-ins, so when tasks wait long past their time with no node taking them it answers 503.
 */
final class HealthApi {
    private final Doorstep doorstep;

    HealthApi(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    void addTo(Resource.Builder health) {
        health.addMethod(HttpMethod.GET).produces(Routes.JSON).handledBy(new Routes.Handler(request -> answer()));
    }

    private Response answer() {
        DueWorkHealth health = doorstep.dueWorkHealth();
        Instant now = doorstep.clock().instant();
        HealthJson body = new HealthJson(health.healthy() ? "ok" : "due work has stopped",
                new DueWorkJson(health.running(), health.overdue(), health.lateness(now).toSeconds()));
        return Response.status(health.healthy() ? 200 : 503).entity(Json.bytes(body))
                .header(HttpHeaders.CONTENT_TYPE, Routes.JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** What the health endpoint says. */
    record HealthJson(String status, DueWorkJson dueWork) {
    }

    /**
     * Due work on this node and in the database it shares with any others.
     *
     * @param runningHere     whether this node runs due work (or its host drives it)
     * @param overdue         tasks long past their time that no node has taken
     * @param lateSeconds     how late the most overdue of them is
     */
    record DueWorkJson(boolean runningHere, long overdue, long lateSeconds) {
    }
}
