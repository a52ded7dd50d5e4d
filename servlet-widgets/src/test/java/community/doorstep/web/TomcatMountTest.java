package community.doorstep.web;

import community.doorstep.Doorstep;
import community.doorstep.web.testing.Neighbourhood;
import jakarta.servlet.ServletContainerInitializer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Doorstep mounted in embedded Tomcat, as in a Spring Boot host: the same pages, API, errors and headers as on Jetty. */
class TomcatMountTest {
    private static Tomcat tomcat;
    private static Path base;
    private static String origin;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws LifecycleException, IOException {
        Doorstep doorstep = Neighbourhood.create();
        base = Files.createTempDirectory("doorstep-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", base.toString());
        ServletContainerInitializer mount = (classes, servletContext) -> DoorstepWeb.mount(servletContext, "/doorstep", doorstep);
        context.addServletContainerInitializer(mount, null);
        tomcat.start();
        origin = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws LifecycleException, IOException {
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(base)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/doorstep/" + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWidgetsAndTheApiAnswerOnTomcatWithoutACookie() throws Exception {
        HttpResponse<String> widget = get("w/hulme/events", "text/html");
        HttpResponse<String> api = get("api/v1/sites/hulme/events", "application/json");

        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.body()).contains("Hulme Community Partnership");
        assertThat(widget.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(widget.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void errorsAreAnsweredByAcceptOnTomcatToo() throws Exception {
        HttpResponse<String> program = get("api/v1/nothing-here", "application/json");
        HttpResponse<String> person = get("w/hulme/nothing-here", "text/html");

        assertThat(program.statusCode()).isEqualTo(404);
        assertThat(program.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(person.statusCode()).isEqualTo(404);
        assertThat(person.body()).contains("Page not found");
        assertThat(person.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
