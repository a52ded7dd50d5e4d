package community.doorstep.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that read the {@link Neighbourhood} over HTTP share one real server per test class, under /doorstep. */
abstract class NeighbourhoodWebTest {
    static WebServer server;

    @BeforeAll
    static void startNeighbourhood() {
        server = WebServer.start(Neighbourhood.create(), "/doorstep");
    }

    @AfterAll
    static void stopNeighbourhood() {
        server.close();
    }
}
