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
    TRUSTED_PROXIES("", "reverse proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDR blocks "
            + "(e.g. 10.0.0.0/8); from any other peer the header is ignored and the peer is the client"),
    HTTP_CONCURRENCY("kb=64,chat=64,writes=128,reports=2", "requests in flight per route class on one instance "
            + "(kb, chat, writes, reports); beyond it the answer is 503 with Retry-After at once"),
    HTTP_LATENCY_TARGET_MS("kb=30,chat=150,writes=30", "latency per route class that admitted requests should keep, in "
            + "milliseconds; while it is missed the class admits fewer at once (down to 8), 0 = always the full HTTP_CONCURRENCY"),
    KB_ANSWERS_PER_MINUTE("60", "public knowledge-base answers per client address and minute"),
    KB_BACKGROUND_EMBEDDINGS_PER_SECOND("20", "the service's own knowledge-base searches (assessing a new request) that "
            + "may use the embedding model per second; beyond it a request is routed without a category and not "
            + "forwarded, so a burst of requests does not keep a core on the model; 0 = never"),
    HOTLINE_12345_SECRET(null, "shared HMAC-SHA256 key with the 12345 platform, at least 16 characters; "
            + "unset = the 12345 integration is off (its endpoints answer 503), in every mode"),
    HOTLINE_12345_BASE(null, "the 12345 platform's base URL; callbacks are POSTed to {base}/callbacks"),
    HOTLINE_12345_WINDOW_S("300", "seconds a 12345 message's X-Timestamp may differ from now (and replays are remembered)"),
    POLICY_REGION("南京", "region whose policy rules apply themselves (免申即享); other regions' rules are shown as references"),
    PROJECT_CARD_LINK("https://liaison.example.com/mp/project?id={id}",
            "link in a project contact card's QR code, with {id}: a URL registered for the mini-program (扫普通链接二维码打开小程序) "
                    + "that opens the project's page"),
    PROACTIVE_SILENCE_DAYS("30", "days without contact after which a project's liaison gets a proactive task (跨前对接)"),
    PROACTIVE_DEADLINE_AHEAD_DAYS("2", "working days before a checklist item's deadline that raise a proactive task"),
    PROACTIVE_CONTACTS_PER_MONTH("2", "contacts the office may start with one enterprise per month (无事不扰); check-ins beyond it are held back"),
    PROACTIVE_SCAN_AT("09:30", "when the proactive scan runs: HH:mm once a day (Asia/Shanghai), or 'every <n>s' / 'every <n>m'"),
    WECHAT_APPID(null, "mini-program AppID; unset = no WeChat (embedded mode offers a local fake login)"),
    WECHAT_SECRET(null, "mini-program AppSecret (k8s Secret)"),
    WECHAT_TOKEN(null, "message-push Token for signatures (k8s Secret)"),
    WECHAT_AES_KEY(null, "message-push EncodingAESKey, 43 characters, for safe mode (k8s Secret)"),
    WECHAT_MSG_FORMAT("JSON", "message-push data format: JSON or XML"),
    WECHAT_API_BASE("https://api.weixin.qq.com", "WeChat API base URL (tests point it at a fake)"),
    WECHAT_PUSH_MAX_AGE_S("0", "reject pushes whose timestamp is older than this many seconds; 0 = off"),
    WECHAT_TEMPLATE_ACCEPTED(null, "subscribe-message template id: request accepted (受理)"),
    WECHAT_TEMPLATE_RESPONDED(null, "subscribe-message template id: request answered (答复)"),
    WECHAT_TEMPLATE_REWORK_DONE(null, "subscribe-message template id: answered again after rectification (整改)"),
    WECHAT_TEMPLATE_RATING(null, "subscribe-message template id: invitation to rate (评价)"),
    WECHAT_TEMPLATE_PLAN(null, "subscribe-message template id: service plan progress (一企一策: opened, step done, ready to confirm); "
            + "unset = none sent"),
    WECHAT_TEMPLATE_CHECK_IN(null, "subscribe-message template id: the office's check-in (主动问询); unset = none sent"),
    WECHAT_TEMPLATE_FIELDS("number=character_string1,status=phrase2,summary=thing3,time=time4",
            "subscribe-message data keys: number, status, summary and time mapped to the template's keys"),
    WECHAT_MINIPROGRAM_STATE("formal", "where a subscribe message opens the mini-program: formal, trial or developer"),
    WECHAT_MSG_SEC_CHECK("false", "check chat text with WeChat's msg_sec_check (v2) before answering"),
    CHAT_MESSAGES_PER_MINUTE("30", "chat messages per user and minute"),
    CHAT_IDLE_MINUTES("30", "minutes of silence after which a chat conversation starts over"),
    CHAT_RETENTION_DAYS("180", "days chat transcripts are kept"),
    WECOM_CORP_ID(null, "WeCom corp id (企业ID); unset = no WeCom sign-in and no WeCom messages"),
    WECOM_AGENT_ID(null, "WeCom application agent id (AgentId); required with WECOM_CORP_ID"),
    WECOM_SECRET(null, "WeCom application secret; required with WECOM_CORP_ID"),
    WECOM_API_BASE("https://qyapi.weixin.qq.com", "WeCom API base URL (a private 政务微信 deployment's host)"),
    WECOM_AUTHORIZE_URL("https://open.weixin.qq.com/connect/oauth2/authorize", "WeCom OAuth authorize page"),
    PUBLIC_BASE_URL(null, "address users reach the service at, e.g. https://liaison.example.gov.cn; "
            + "required with WECOM_CORP_ID (message links, sign-in redirect)"),
    PASSWORD_LOGIN("on", "on/off: whether password sign-in is accepted (off: staff sign in through WeCom)"),
    QUIET_HOURS("21:00-08:00", "HH:mm-HH:mm (Asia/Shanghai) in which WeCom messages wait, escalations excepted; off = none"),
    SSE_HEARTBEAT_S("20", "seconds between heartbeat comments on an idle event stream (1-120)"),
    DEMO("off", "on/off: demo accounts and data, the pretend WeChat login and at-once approval of demo "
            + "enterprise bindings (deploy/run-local.sh sets it on); off = a real install, embedded or not"),
    METRICS_PORT(null, "port of the management server with GET /metrics (Prometheus); unset = no metrics endpoint"),
    METRICS_HOST("127.0.0.1", "interface of the management server; 0.0.0.0 in a pod so Prometheus can scrape it"),
    LOG_FORMAT("plain", "plain (one line of text) or json (one JSON object per line, for log collectors)"),
    OTEL_EXPORTER_OTLP_ENDPOINT(null, "OTLP/HTTP collector base URL (traces go to {url}/v1/traces); unset = no tracing"),
    OTEL_SERVICE_NAME("liaison", "service.name on every exported span"),
    QUESTION_LOG_RETENTION_DAYS("365", "days knowledge-base questions (kb_questions) are kept"),
    HOTLINE_CALL_RETENTION_DAYS("365", "days hotline assist calls (hotline_calls) are kept"),
    WECHAT_MESSAGE_RETENTION_DAYS("30", "days handled WeChat push messages and subscribe-message records are kept"),
    AUDIT_RETENTION_DAYS("1095", "days lines of the audit log (sign-ins, publishing, accounts, exports) are kept");

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
