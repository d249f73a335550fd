package org.secure2fa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.delivery.boundary.DeliveryReports;
import org.secure2fa.delivery.spi.CallbackRequest;

/**
 * {@code POST /otp/webhooks/{channelId}}: delivery-status callbacks from providers (give this URL to
 * the provider when you set up its webhook); {@code GET} too, for receipts sent as a query string. The channel's provider verifies each call (signature,
 * shared secret or credentials); an unsigned or forged call, or one for a channel that does not exist
 * or takes no callbacks, is answered 401 and changes nothing.
 * Providers sign the URL they called: behind a proxy, set {@code otp.webhook.public-base-url}.
 */
@ApplicationScoped
@Path("webhooks/{channelId}")
public class WebhookResource {

    @Inject
    DeliveryReports reports;

    @Inject
    @ConfigProperty(name = "otp.webhook.public-base-url")
    Optional<String> publicBaseUrl;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("channelId") String channelId, @Context HttpHeaders headers,
                            @Context UriInfo uri, String body) {
        return apply("POST", channelId, headers, uri, body);
    }

    /** Vonage sends its delivery receipts as a GET with the parameters in the query, by default. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiveQuery(@PathParam("channelId") String channelId, @Context HttpHeaders headers,
                                 @Context UriInfo uri) {
        return apply("GET", channelId, headers, uri, "");
    }

    private Response apply(String method, String channelId, HttpHeaders headers, UriInfo uri, String body) {
        long id;
        try {
            id = Long.parseLong(channelId);
        } catch (NumberFormatException e) {
            return rejected();
        }
        Map<String, List<String>> lowerHeaders = new HashMap<>();
        headers.getRequestHeaders().forEach((k, v) -> lowerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        Map<String, List<String>> params = new HashMap<>(uri.getQueryParameters());
        String url = publicBaseUrl.filter(s -> !s.isBlank())
                .map(base -> stripSlash(base) + uri.getRequestUri().getRawPath()
                        + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()))
                .orElse(uri.getRequestUri().toString());
        var result = reports.apply(id, new CallbackRequest(method, url, lowerHeaders, body == null ? "" : body, params));
        // no count in the answer: it would tell a caller whether a message id exists
        return switch (result) {
            case APPLIED -> ApiResponses.generate(200, true, "Callback accepted.");
            case REJECTED -> rejected();
        };
    }

    /** One answer for an unknown channel, a channel without callbacks and a forged call. */
    private static Response rejected() {
        return ApiResponses.generate(401, false, "The callback's signature or credentials do not verify.");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
