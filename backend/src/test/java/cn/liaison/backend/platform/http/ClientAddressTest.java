package cn.liaison.backend.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItsHeaderSays() {
        ClientAddress none = new ClientAddress(List.of());
        assertEquals("198.51.100.7", none.resolve("198.51.100.7", "203.0.113.1"));
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8"));
        assertEquals("198.51.100.7", proxies.resolve("198.51.100.7", "203.0.113.1, 10.0.0.2"));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1"));
        assertEquals("203.0.113.9", proxies.resolve("10.1.2.3", "1.2.3.4, 203.0.113.9"));
        assertEquals("203.0.113.9", proxies.resolve("127.0.0.1", "forged, 203.0.113.9, 10.0.0.5"));
        assertEquals("10.1.2.3", proxies.resolve("10.1.2.3", "not-an-address"));
        assertEquals("10.1.2.3", proxies.resolve("10.1.2.3", null));
        assertEquals("2001:db8::1", new ClientAddress(List.of("::1")).resolve("0:0:0:0:0:0:0:1", "2001:db8::1"));
    }

    @Test
    void aBadProxyListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("nginx.local")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/40")));
    }
}
