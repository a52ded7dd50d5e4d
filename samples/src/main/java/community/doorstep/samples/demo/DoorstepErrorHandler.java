package community.doorstep.samples.demo;

import community.doorstep.web.DoorstepWeb;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's answer to requests it refuses before any servlet runs (a malformed path, a URI or headers too long),
 * given by Doorstep so it is negotiated by {@code Accept} like every other error: what a host on Jetty sets with
 * {@code server.setErrorHandler}.
 */
final class DoorstepErrorHandler extends ErrorHandler {
    private final String prefix;

    DoorstepErrorHandler(String prefix) {
        this.prefix = prefix;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        DoorstepWeb.ErrorAnswer answer = DoorstepWeb.containerError(prefix, code,
                request.getHeaders().get(HttpHeader.ACCEPT), request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
