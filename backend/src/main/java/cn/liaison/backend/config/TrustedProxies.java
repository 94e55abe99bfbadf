package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;
import cn.liaison.backend.platform.http.ClientAddress;
import cn.liaison.backend.platform.http.RouteLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP edge's settings parsed apart from ConfigLoader: {@code TRUSTED_PROXIES}, the proxies whose
 * forwarded-for headers name the client, and {@code HTTP_CONCURRENCY}, the load-shedding limits.
 */
final class TrustedProxies {

    private TrustedProxies() {
    }

    static List<String> parse(Optional<String> raw) {
        List<String> proxies = raw.stream().flatMap(r -> Arrays.stream(r.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        try {
            new ClientAddress(proxies);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.TRUSTED_PROXIES.name(), e.getMessage());
        }
        return proxies;
    }

    static RouteLimits routeLimits(String ceilings, String targets) {
        try {
            RouteLimits.checkCeilings(ceilings);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.HTTP_CONCURRENCY.name(), e.getMessage());
        }
        try {
            return RouteLimits.parse(ceilings, targets);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ConfigKey.HTTP_LATENCY_TARGET_MS.name(), e.getMessage());
        }
    }
}
