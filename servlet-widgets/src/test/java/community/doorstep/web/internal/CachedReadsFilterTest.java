package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.site.Site;
import community.doorstep.store.Stores;
import community.doorstep.web.events.EventsWeb;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The read cache keeps only answers that reached their client whole. */
class CachedReadsFilterTest {
    private final Doorstep doorstep = Doorstep.builder().stores(Stores.inMemory()).build();
    private final CachedReadsFilter cache;
    private final AtomicInteger rendered = new AtomicInteger();

    CachedReadsFilterTest() {
        doorstep.sites().saveSite(Site.of("hulme", "Hulme"));
        cache = new CachedReadsFilter(doorstep, "/doorstep", List.of(new EventsWeb()));
    }

    private final FilterChain page = (request, response) -> {
        rendered.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(200);
        http.setHeader("ETag", "\"v1\"");
        http.setContentType("text/html; charset=utf-8");
        try {
            http.getOutputStream().write("<!DOCTYPE html><p>What's on</p>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientGone) {
            // as Jersey does: a client that went away is logged and the request ends normally
        }
    };

    @Test
    void anAnswerWhoseClientWentAwayIsNotKept() throws Exception {
        cache.doFilter(request(), response(true, new ByteArrayOutputStream()), page);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        cache.doFilter(request(), response(false, second), page);
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        cache.doFilter(request(), response(false, third), page);

        assertThat(rendered).as("rendered again after the failed answer, then served from the cache").hasValue(2);
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("What's on");
        assertThat(third.toString(StandardCharsets.UTF_8)).isEqualTo(second.toString(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request() {
        Map<String, Object> answers = Map.of("getRequestURI", "/doorstep/w/hulme/events", "getContextPath", "",
                "getMethod", "GET", "getParameterMap", Map.of(), "getScheme", "http", "getServerName", "127.0.0.1",
                "getServerPort", 8080);
        return (HttpServletRequest) Proxy.newProxyInstance(CachedReadsFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> answers.get(method.getName()));
    }

    /** A response whose body goes to {@code body}, or whose every write fails as a closed connection's would. */
    private static HttpServletResponse response(boolean clientGone, ByteArrayOutputStream body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int[] status = {200};
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) throws IOException {
                if (clientGone) {
                    throw new IOException("Broken pipe");
                }
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(CachedReadsFilterTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> stream;
                    case "setHeader", "addHeader" -> {
                        headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        yield null;
                    }
                    case "setContentType" -> {
                        headers.put("Content-Type", new ArrayList<>(List.of((String) args[0])));
                        yield null;
                    }
                    case "getHeader" -> headers.containsKey(args[0]) ? headers.get(args[0]).get(0) : null;
                    case "getHeaders" -> headers.getOrDefault(args[0], List.of());
                    case "getHeaderNames" -> new ArrayList<>(headers.keySet());
                    case "setStatus" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                    }
                    case "getStatus" -> status[0];
                    case "isCommitted" -> false;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getBufferSize" -> 8192;
                    default -> method.getReturnType() == boolean.class ? false
                            : method.getReturnType() == int.class ? 0 : null;
                });
    }
}
