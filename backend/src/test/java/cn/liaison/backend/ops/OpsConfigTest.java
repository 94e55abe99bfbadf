package cn.liaison.backend.ops;

import cn.liaison.backend.config.OpsConfig;

import cn.liaison.backend.platform.telemetry.RequestContext;

import cn.liaison.backend.platform.telemetry.Meters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.platform.config.ConfigException;
import cn.liaison.backend.config.ConfigLoader;
import cn.liaison.backend.wechat.WechatApi;
import cn.liaison.backend.wecom.WecomException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsConfigTest {

    @Test
    void everythingIsOffByDefault() {
        OpsConfig ops = ConfigLoader.load(Map.of()).ops();
        assertTrue(ops.metricsPort().isEmpty());
        assertEquals("127.0.0.1", ops.metricsHost());
        assertFalse(ops.jsonLogs());
        assertTrue(ops.otlpEndpoint().isEmpty());
        assertEquals(Duration.ofDays(365), ops.retention().questions());
    }

    @Test
    void badValuesNameTheirKey() {
        assertKey("LOG_FORMAT", Map.of("LOG_FORMAT", "xml"));
        assertKey("METRICS_PORT", Map.of("METRICS_PORT", "70000"));
        assertKey("METRICS_PORT", Map.of("METRICS_PORT", "nine"));
        assertKey("OTEL_EXPORTER_OTLP_ENDPOINT", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"));
        assertKey("QUESTION_LOG_RETENTION_DAYS", Map.of("QUESTION_LOG_RETENTION_DAYS", "0"));
    }

    @Test
    void configuredValuesAreUsed() {
        AppConfig config = ConfigLoader.load(Map.of("METRICS_PORT", "9464", "LOG_FORMAT", "JSON",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/", "WECHAT_MESSAGE_RETENTION_DAYS", "7"));
        assertEquals(9464, config.ops().metricsPort().orElseThrow());
        assertTrue(config.ops().jsonLogs());
        assertEquals("http://collector:4318", config.ops().otlpEndpoint().orElseThrow().toString());
        assertEquals(Duration.ofDays(7), config.ops().retention().wechat());
    }

    @Test
    void notificationFailuresAreLabelledWithThePlatformsCode() {
        assertEquals("40014", Meters.errorCode(new WecomException(40014, "invalid access_token", null)));
        assertEquals("43101", Meters.errorCode(new WechatApi.WechatException(43101, "user refuse to accept the msg")));
        assertEquals("503", Meters.errorCode(new IllegalStateException("12345 平台返回 HTTP 503")));
        assertEquals("illegalstate", Meters.errorCode(new IllegalStateException("channel unavailable")));
    }

    @Test
    void theFeatureIsTheFirstPathSegmentAfterTheApiPrefix() {
        assertEquals("requests", RequestContext.feature("/api/v1/requests/r-1/accept"));
        assertEquals("kb", RequestContext.feature("/api/v1/kb/answer"));
        assertEquals("health", RequestContext.feature("/health/ready"));
        assertEquals("-", RequestContext.feature("/"));
    }

    private static void assertKey(String key, Map<String, String> env) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(env));
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
}
