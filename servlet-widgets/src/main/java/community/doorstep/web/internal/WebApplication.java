package community.doorstep.web;

import community.doorstep.Doorstep;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

/** The Jersey application behind one mount: its routes, its two providers and nothing found by scanning. */
final class WebApplication {
    private WebApplication() {
    }

    static ResourceConfig create(Doorstep doorstep, Authorizer authorizer) {
        ResourceConfig config = new ResourceConfig();
        config.registerResources(new SiteApi(doorstep).resource(), new FeedApi(doorstep).resource());
        // the templates a host puts on its own class path come first, so they are looked up with its loader
        ClassLoader host = Thread.currentThread().getContextClassLoader();
        Templates templates = new Templates(host != null ? host : WebApplication.class.getClassLoader());
        config.registerResources(new Widgets(doorstep, templates, authorizer).resources().toArray(new Resource[0]));
        config.register(new ProblemMapper());
        config.register(new CachingFilter());
        // explicit wiring: no feature the host happens to have on its classpath joins in
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // bodies go out as bytes; the XML, image and activation providers are never needed
        config.property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL");
        // an error without a body would otherwise reach the container's HTML error page
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        return config;
    }
}
