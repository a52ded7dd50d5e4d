package community.doorstep.web.internal;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.Resource;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Helpers for the routes: they are declared in code, with handlers that read their parameters as text,
 * so nothing is left to reflection and no parameter fails before the API can explain why.
 */
public final class Routes {
    /** What the API answers in. */
    public static final String JSON = "application/json";
    /** What feeds and calendar downloads answer in. */
    public static final String CALENDAR = "text/calendar; charset=utf-8";
    /** What widget pages answer in. */
    public static final String HTML = "text/html; charset=utf-8";
    static final String FORM = "application/x-www-form-urlencoded";

    private Routes() {
    }

    /** A GET route at {@code path} under {@code parent}, answering in {@code mediaType}. */
    public static void get(Resource.Builder parent, String path, String mediaType,
                           Function<ContainerRequestContext, Response> handler) {
        parent.addChildResource(path).addMethod(HttpMethod.GET).produces(mediaType).handledBy(new Handler(handler)).build();
    }

    /** A form post at {@code path} under {@code parent}, answered with a page. */
    public static void post(Resource.Builder parent, String path, Function<ContainerRequestContext, Response> handler) {
        parent.addChildResource(path).addMethod(HttpMethod.POST).consumes(FORM).produces(HTML)
                .handledBy(new Handler(handler)).build();
    }

    /** A JSON post at {@code path} under {@code parent}, answered in JSON. */
    public static void postJson(Resource.Builder parent, String path, Function<ContainerRequestContext, Response> handler) {
        parent.addChildResource(path).addMethod(HttpMethod.POST).consumes(JSON).produces(JSON)
                .handledBy(new Handler(handler)).build();
    }

    /** A post that takes no body at {@code path} under {@code parent}, answered in JSON. */
    public static void postAction(Resource.Builder parent, String path, Function<ContainerRequestContext, Response> handler) {
        parent.addChildResource(path).addMethod(HttpMethod.POST).produces(JSON).handledBy(new Handler(handler)).build();
    }

    /** A parameter of the route's path, such as {@code site}. */
    public static String pathParam(ContainerRequestContext request, String name) {
        return request.getUriInfo().getPathParameters().getFirst(name);
    }

    /** The query, to be read and checked. */
    public static QueryParams queryParams(ContainerRequestContext request) {
        return new QueryParams(request.getUriInfo().getQueryParameters());
    }

    /** Bodies go out as bytes so {@link CachingFilter} can tag exactly what is sent. */
    public static Response json(Object body) {
        return Response.ok(Json.bytes(body), JSON).build();
    }

    /** A 201 with a JSON body, for what a post created. */
    public static Response created(Object body) {
        return Response.status(201).entity(Json.bytes(body)).type(JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** An iCal body. */
    public static Response calendar(String text) {
        // as text, not a MediaType, so it goes out exactly as written
        return Response.ok(text.getBytes(StandardCharsets.UTF_8)).header(HttpHeaders.CONTENT_TYPE, CALENDAR).build();
    }

    /**
     * A handler with its type arguments written out: Jersey reads them to know what to pass to
     * {@code apply}, and a bare lambda has lost them.
     */
    static final class Handler implements Inflector<ContainerRequestContext, Response> {
        private final Function<ContainerRequestContext, Response> body;

        Handler(Function<ContainerRequestContext, Response> body) {
            this.body = body;
        }

        @Override
        public Response apply(ContainerRequestContext request) {
            return body.apply(request);
        }
    }
}
