package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** POLICY_REGION and PROJECT_CARD_LINK: defaults, and a bad value names its key. */
class ProjectSettingsConfigTest {

    @Test
    void defaultsAreNanjingAndALinkWithTheProjectId() {
        AppConfig config = ConfigLoader.load(Map.of());
        assertEquals("南京", config.projects().policyRegion());
        assertTrue(config.projects().cardLink().contains("{id}"));
        assertEquals("河南", ConfigLoader.load(Map.of("POLICY_REGION", "河南")).projects().policyRegion());
    }

    @Test
    void aLinkWithoutThePlaceholderIsRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("PROJECT_CARD_LINK", "https://example.com/mp/project")));
        assertTrue(e.getMessage().contains("PROJECT_CARD_LINK"), e.getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("POLICY_REGION", " ")))
                .getMessage().contains("POLICY_REGION"));
    }
}
