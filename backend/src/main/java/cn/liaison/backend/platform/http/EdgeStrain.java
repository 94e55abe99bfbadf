package cn.liaison.backend.platform.http;

/**
 * Whether the HTTP edge is under strain now: it refused a request for load, or answered one later
 * than its class's latency target, within the last second. Background work that can wait
 * (assessing new requests, say) runs less while it is, so people's requests get the cores first.
 */
@FunctionalInterface
public interface EdgeStrain {

    /** Never strained: for wiring without an HTTP edge. */
    EdgeStrain NONE = () -> false;

    boolean strained();
}
