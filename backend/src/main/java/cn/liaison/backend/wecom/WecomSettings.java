package cn.liaison.backend.wecom;

import cn.liaison.backend.platform.Published;

import java.util.Objects;

/**
 * How to reach the WeCom (企业微信) application that staff sign in with and receive messages from.
 *
 * @param apiBase      API host, {@code https://qyapi.weixin.qq.com} or a private 政务微信 deployment
 * @param authorizeUrl the OAuth authorize page the browser is sent to
 */
@Published
public record WecomSettings(String corpId, int agentId, String secret, String apiBase, String authorizeUrl) {

    public WecomSettings {
        Objects.requireNonNull(corpId, "corpId");
        Objects.requireNonNull(secret, "secret");
        apiBase = stripSlash(Objects.requireNonNull(apiBase, "apiBase"));
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Leaves the secret out. */
    @Override
    public String toString() {
        return "WecomSettings[corpId=" + corpId + ", agentId=" + agentId + ", apiBase=" + apiBase + "]";
    }
}
