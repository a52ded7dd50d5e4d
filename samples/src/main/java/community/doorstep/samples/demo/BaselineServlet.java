package community.doorstep.samples.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The load test's yardstick: the cheapest useful answer this Jetty can give, a fixed small page. */
final class BaselineServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] PAGE = "<!doctype html><title>baseline</title><p>static</p>\n".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(PAGE.length);
        response.getOutputStream().write(PAGE);
    }
}
