package community.doorstep.web.testing;

import community.doorstep.Doorstep;
import community.doorstep.web.Authorizer;
import community.doorstep.web.DoorstepWeb;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/** A real Jetty 12 on a free port with Doorstep mounted the way a host application mounts it. */
public final class WebServer implements AutoCloseable {
    private final Server server;
    private final URI root;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private WebServer(Server server, URI root) {
        this.server = server;
        this.root = root;
    }

    /** Doorstep under the prefix, mounted while the context starts, as a host's listener would. */
    public static WebServer start(Doorstep doorstep, String prefix) {
        return start(doorstep, prefix, ServletContextHandler.NO_SESSIONS, handler -> {
        });
    }

    /** As {@link #start(Doorstep, String)}, with the host's own options and additions to its context. */
    public static WebServer start(Doorstep doorstep, String prefix, int options, Consumer<ServletContextHandler> host) {
        return start(doorstep, prefix, Authorizer.NOBODY, options, host);
    }

    /** Doorstep mounted with the host's own {@link Authorizer} for the coordinator page. */
    public static WebServer start(Doorstep doorstep, String prefix, Authorizer authorizer) {
        return start(doorstep, prefix, authorizer, ServletContextHandler.NO_SESSIONS, handler -> {
        });
    }

    private static WebServer start(Doorstep doorstep, String prefix, Authorizer authorizer, int options,
                                   Consumer<ServletContextHandler> host) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/", options);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                DoorstepWeb.mount(event.getServletContext(), prefix, doorstep, authorizer);
            }
        });
        host.accept(context);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not start", e);
        }
        return new WebServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + prefix + "/"));
    }

    /** The address of a path under the mount, e.g. {@code api/v1/sites/hulme/events?limit=2}. */
    /** This server's origin, as a browser on its pages would send it in {@code Origin}. */
    public String origin() {
        return root.getScheme() + "://" + root.getRawAuthority();
    }

    public URI uri(String path) {
        return root.resolve(path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return send(request(path, headers).method(method, publisher).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not stop", e);
        }
    }
}
