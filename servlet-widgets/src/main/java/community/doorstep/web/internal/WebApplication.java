package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.web.Authorizer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;

import java.util.List;

/**
 * The Jersey application behind one mount: the shared routes and every registered feature's, its two providers and
 * nothing found by scanning.
 */
public final class WebApplication {
    private WebApplication() {
    }

    /** The application for one mount, with the given features' routes, pages and words. */
    public static ResourceConfig create(Doorstep doorstep, Authorizer authorizer, List<WebFeature> features,
                                        boolean writeLimits) {
        ResourceConfig config = new ResourceConfig();
        // the templates a host puts on its own class path come first, so they are looked up with its loader
        ClassLoader host = Thread.currentThread().getContextClassLoader();
        Templates templates = new Templates(host != null ? host : WebApplication.class.getClassLoader());
        Widgets widgets = new Widgets(doorstep, templates, new Messages(features), features);
        WebRoutes routes = new WebRoutes(doorstep, authorizer, widgets, writeLimits);
        new SiteApi(doorstep).addTo(routes.api());
        new HealthApi(doorstep).addTo(routes.resource("api/v1/health"));
        widgets.addRoutes(routes);
        for (WebFeature feature : features) {
            feature.addRoutes(routes);
        }
        config.registerResources(routes.build().toArray(new Resource[0]));
        config.register(new ProblemMapper());
        config.register(new CachingFilter());
        config.register(new ErrorsByAccept(widgets));
        config.register(new BodyLimit());
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
