package io.sitemove.verify.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;

/** HttpClient's own redirect strategy, noting each hop it follows in the fetch's context. */
final class ChainRecorder extends DefaultRedirectStrategy {
    private static final String HOPS = "io.sitemove.verify.hops";

    static List<Hop> hopsOf(HttpContext context) {
        Object hops = context.getAttribute(HOPS);
        return hops instanceof HopList list ? List.copyOf(list) : List.of();
    }

    @Override
    public URI getLocationURI(HttpRequest request, HttpResponse response, HttpContext context) throws HttpException {
        URI location = super.getLocationURI(request, response, context);
        URI from = fromOf(request);
        HopList hops = context.getAttribute(HOPS) instanceof HopList list ? list : new HopList();
        hops.add(new Hop(from, response.getCode(), from.resolve(location)));
        context.setAttribute(HOPS, hops);
        return location;
    }

    private static URI fromOf(HttpRequest request) {
        try {
            return request.getUri();
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }

    /** A list with a type of its own, so the context attribute is read back without an unchecked cast. */
    private static final class HopList extends ArrayList<Hop> {
        private static final long serialVersionUID = 1L;
    }
}
