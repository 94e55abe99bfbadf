package cn.liaison.backend.platform.config;

/** A configuration value that cannot be used; the message names the key and what is wrong. */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
