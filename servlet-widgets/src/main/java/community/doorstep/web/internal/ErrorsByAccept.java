package community.doorstep.web.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors answered as the asker reads them: a person's browser (which asks for HTML first) gets a friendly page in
 * their language, framed where the site's widgets may be; an API client gets the problem+json it was given. Every
 * error passes here, Jersey's own refusals (no such path, wrong method, unacceptable or unsupported type, too large)
 * and Doorstep's alike.
 */
final class ErrorsByAccept implements ContainerResponseFilter {
    private static final Pattern WIDGET_SITE = Pattern.compile("w/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?:/.*)?");
    private final Widgets widgets;

    ErrorsByAccept(Widgets widgets) {
        this.widgets = widgets;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (response.getStatus() < 400 || type == null || !Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())
                || !wantsHtml(request.getAcceptableMediaTypes())) {
            return;
        }
        Matcher widget = WIDGET_SITE.matcher(request.getUriInfo().getPath());
        Response page = widgets.errorPage(request, widget.matches() ? widget.group(1) : null, response.getStatus());
        response.setEntity(page.getEntity(), null, MediaType.valueOf(Routes.HTML));
        page.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                response.getHeaders().put(name, List.copyOf(values));
            }
        });
    }

    /** A browser lists HTML before JSON (or without it); an API client asks for JSON, or for anything at all. */
    static boolean wantsHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) || "application/xhtml+xml".equals(type.getType() + "/" + type.getSubtype())) {
                return true;
            }
            if (type.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }
}
