package community.doorstep.web.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that read the {@link Neighbourhood} over HTTP share one real server per test class, under /doorstep. */
public abstract class NeighbourhoodWebTest {
    protected static WebServer server;

    @BeforeAll
    protected static void startNeighbourhood() {
        server = WebServer.start(Neighbourhood.create(), "/doorstep");
    }

    @AfterAll
    protected static void stopNeighbourhood() {
        server.close();
    }
}
