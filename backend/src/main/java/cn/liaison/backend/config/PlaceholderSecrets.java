package cn.liaison.backend.config;

import cn.liaison.backend.platform.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Refuses the example values shipped in {@code deploy/}: every placeholder there starts with
 * {@value #MARK}, so a copied example that was never filled in stops the start instead of running
 * with a key anyone can read on GitHub. Checks every key's value, and the password inside connection
 * strings ({@code mongodb://user:CHANGE_ME@…}, {@code redis://:CHANGE_ME@…}). The message names the
 * key, never the value.
 */
final class PlaceholderSecrets {

    static final String MARK = "CHANGE_ME";

    private PlaceholderSecrets() {
    }

    static void refuse(Map<ConfigKey, String> values) {
        for (Map.Entry<ConfigKey, String> entry : values.entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            if (value.startsWith(MARK)) {
                throw new ConfigException(entry.getKey().name(), "still holds the placeholder from the deploy examples (starts with "
                        + MARK + "); set a real value");
            }
            if (hasPlaceholderPassword(value)) {
                throw new ConfigException(entry.getKey().name(), "the password in this connection string is still the placeholder ("
                        + MARK + "); set a real password");
            }
        }
    }

    private static boolean hasPlaceholderPassword(String value) {
        if (!value.contains("://") || !value.contains("@")) {
            return false;
        }
        try {
            String userInfo = new URI(value).getRawUserInfo();
            if (userInfo != null) {
                return userInfo.substring(userInfo.indexOf(':') + 1).startsWith(MARK);
            }
        } catch (URISyntaxException e) {
            // mongodb:// with several hosts is not a java.net.URI: read the user part by hand
        }
        int scheme = value.indexOf("://") + 3;
        int at = value.indexOf('@', scheme);
        String userInfo = at < 0 ? "" : value.substring(scheme, at);
        return userInfo.substring(userInfo.indexOf(':') + 1).startsWith(MARK);
    }
}
