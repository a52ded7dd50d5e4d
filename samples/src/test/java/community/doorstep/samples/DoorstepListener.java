package community.doorstep.samples;

import community.doorstep.Doorstep;
import community.doorstep.web.DoorstepWeb;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** The README's mounting example, word for word; {@link ReadmeExamplesTest} mounts it in Jetty. */
public class DoorstepListener implements ServletContextListener {
    private final Doorstep doorstep;

    public DoorstepListener(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DoorstepWeb.mount(event.getServletContext(), "/doorstep", doorstep);
    }
}
