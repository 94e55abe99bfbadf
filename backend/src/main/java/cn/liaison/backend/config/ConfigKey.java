package cn.liaison.backend.config;

/**
 * Every configuration key the service reads, with its default. The same names are used in the
 * environment, in the optional config file, and in the deployment manifests under {@code deploy/}
 * (a test keeps those in step with this list).
 */
public enum ConfigKey {
    HTTP_HOST("0.0.0.0", "interface to listen on"),
    HTTP_PORT("8080", "HTTP port"),
    DATA_DIR("./data", "directory for the embedded stores' files"),
    MONGO_URI(null, "MongoDB connection string; unset = embedded MongoDB"),
    MONGO_DB("liaison", "MongoDB database name"),
    REDIS_URL(null, "Redis URL (redis://host:port/db); unset = embedded Redis"),
    BODY_LIMIT_BYTES("262144", "largest accepted request body in bytes"),
    SHUTDOWN_GRACE_S("10", "seconds in-flight requests may take to finish on SIGTERM"),
    LOG_LEVEL("INFO", "root log level: TRACE, DEBUG, INFO, WARN or ERROR"),
    JWT_SECRET(null, "HS256 key for login tokens, at least 32 characters; required with MONGO_URI, "
            + "otherwise generated once into DATA_DIR/jwt-secret"),
    JWT_TTL_S("43200", "lifetime of a login token in seconds"),
    OFFICE_HOURS("09:00-17:30", "office hours on working days (Asia/Shanghai), HH:mm-HH:mm; deadlines end at the closing time"),
    SLA_SIGN_DAYS("1", "working days to sign for (签收) an assigned task"),
    SLA_COMPLETION_DAYS("CONSULT=3,DEMAND=5,COMPLAINT=5,SUGGESTION=5,PRAISE=3",
            "working days to respond (办结), per request type"),
    SLA_REWORK_DAYS("5", "working days to respond again after a bad rating (差评整改)"),
    WECOM_CORP_ID(null, "WeCom corp id (企业ID); unset = no WeCom sign-in and no WeCom messages"),
    WECOM_AGENT_ID(null, "WeCom application agent id (AgentId); required with WECOM_CORP_ID"),
    WECOM_SECRET(null, "WeCom application secret; required with WECOM_CORP_ID"),
    WECOM_API_BASE("https://qyapi.weixin.qq.com", "WeCom API base URL (a private 政务微信 deployment's host)"),
    WECOM_AUTHORIZE_URL("https://open.weixin.qq.com/connect/oauth2/authorize", "WeCom OAuth authorize page"),
    PUBLIC_BASE_URL(null, "address users reach the service at, e.g. https://liaison.example.gov.cn; "
            + "required with WECOM_CORP_ID (message links, sign-in redirect)"),
    PASSWORD_LOGIN("on", "on/off: whether password sign-in is accepted (off: staff sign in through WeCom)"),
    QUIET_HOURS("21:00-08:00", "HH:mm-HH:mm (Asia/Shanghai) in which WeCom messages wait, escalations excepted; off = none"),
    SSE_HEARTBEAT_S("20", "seconds between heartbeat comments on an idle event stream (1-120)");

    private final String defaultValue;
    private final String description;

    ConfigKey(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
