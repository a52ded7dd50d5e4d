package community.doorstep.web.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.Doorstep;
import community.doorstep.NotFoundException;
import community.doorstep.checkin.SmsGateway;
import community.doorstep.checkin.SmsSignatures;
import community.doorstep.web.internal.FormBody;
import community.doorstep.web.internal.SiteCalendar;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static community.doorstep.web.internal.Routes.pathParam;

/**
 * {@code POST hooks/sms/{site}}: texts from the site's SMS gateway (Twilio-compatible form posts signed with
 * {@code X-Twilio-Signature}, or android-sms-gateway's JSON signed with {@code X-Signature} and {@code X-Timestamp}).
 * Anything unsigned or wrongly signed is refused with a 401 and never acted on; there is no setting that skips the
 * check. The reply is the same neutral word whatever the text did, and never says an alert went out.
 */
final class SmsHook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final Doorstep doorstep;

    SmsHook(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    void addTo(Resource.Builder hooks) {
        hooks.addMethod(HttpMethod.POST).handledBy(new org.glassfish.jersey.process.Inflector<ContainerRequestContext, Response>() {
            @Override
            public Response apply(ContainerRequestContext request) {
                return receive(request);
            }
        });
    }

    private Response receive(ContainerRequestContext request) {
        String siteId = SiteCalendar.of(doorstep, pathParam(request, "site")).id();
        SmsGateway gateway = doorstep.checkIns().smsGateway(siteId)
                .orElseThrow(() -> new NotFoundException("this site takes no texts"));
        String body = body(request);
        if (gateway.kind() == SmsGateway.Kind.TWILIO) {
            FormBody form = FormBody.parse(body);
            String signature = request.getHeaderString("X-Twilio-Signature");
            if (signedFor(request).stream().noneMatch(url -> SmsSignatures.twilio(gateway.secret(), url, form.all(), signature))) {
                return unsigned();
            }
            doorstep.checkIns().text(siteId, form.get("From"), form.get("Body"));
            return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Noted.</Message></Response>")
                    .type("text/xml; charset=utf-8").header("Cache-Control", "no-store").build();
        }
        if (!SmsSignatures.androidSmsGateway(gateway.secret(), body, request.getHeaderString("X-Timestamp"),
                request.getHeaderString("X-Signature"), doorstep.clock().instant())) {
            return unsigned();
        }
        try {
            JsonNode event = JSON.readTree(body);
            if ("sms:received".equals(event.path("event").asText())) {
                doorstep.checkIns().text(siteId, event.path("payload").path("phoneNumber").asText(null),
                        event.path("payload").path("message").asText(null));
            }
        } catch (IOException e) {
            // signed but not JSON: nothing to act on, and the same answer
        }
        return Response.ok("{\"status\":\"noted\"}").type("application/json").header("Cache-Control", "no-store").build();
    }

    /**
     * The addresses Twilio may have signed: the one this request reached, and, where the host named the public
     * address, the same path under it, since a proxy in front (TLS ended, another host name) changes what arrives.
     */
    private List<String> signedFor(ContainerRequestContext request) {
        URI reached = request.getUriInfo().getRequestUri();
        List<String> urls = new ArrayList<>(List.of(reached.toString()));
        doorstep.publicAddress().ifPresent(base -> {
            String relative = request.getUriInfo().getBaseUri().relativize(reached).toString();
            urls.add(base.resolve(relative).toString());
        });
        return urls;
    }

    private static Response unsigned() {
        return Response.status(401).type("application/problem+json").header("Cache-Control", "no-store")
                .entity("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"the request is not signed by this site's SMS gateway\"}").build();
    }

    private static String body(ContainerRequestContext request) {
        InputStream in = request instanceof ContainerRequest container ? container.getEntityStream() : request.getEntityStream();
        try {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
