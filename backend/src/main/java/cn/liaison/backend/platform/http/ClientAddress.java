package cn.liaison.backend.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The caller's address for rate limits and logs. {@code X-Forwarded-For} is believed only when the
 * peer is one of {@code TRUSTED_PROXIES}; then its hops are read from the right, skipping the
 * trusted ones, and the first other address is the client (anything to its left is the client's own
 * claim). From anyone else the header is ignored and the peer address is the client. Vert.x 5.0's
 * {@code Router.allowForward} reads the leftmost hop from any peer, which a client chooses, so it is
 * not used.
 */
public final class ClientAddress implements Handler<RoutingContext> {

    static final String KEY = "clientAddress";

    private final List<Cidr> trusted;

    /** @param trustedProxies addresses or CIDR blocks, e.g. {@code 10.0.0.0/8,127.0.0.1} */
    public ClientAddress(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> parsed.add(Cidr.parse(s)));
        this.trusted = List.copyOf(parsed);
    }

    @Override
    public void handle(RoutingContext rc) {
        rc.put(KEY, resolve(rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().host(),
                rc.request().getHeader("X-Forwarded-For")));
        rc.next();
    }

    /** The address {@link ClientAddress} resolved for this request (the peer when it did not run). */
    public static String of(RoutingContext rc) {
        String known = rc.get(KEY);
        if (known != null) {
            return known;
        }
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().host();
    }

    String resolve(String peer, String forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return Cidr.isAddress(hop) ? hop : peer;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** An address block; a single address is a block of its full length. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = bytes(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Cidr(address, bits);
        }

        boolean contains(String text) {
            byte[] address = bytes(text);
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        static boolean isAddress(String text) {
            return bytes(text) != null;
        }

        /** Literal addresses only: never a DNS lookup for a header a client wrote. */
        private static byte[] bytes(String text) {
            if (text.isEmpty() || !text.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            if (text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return null;
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException | RuntimeException e) {
                return null;
            }
        }
    }
}
