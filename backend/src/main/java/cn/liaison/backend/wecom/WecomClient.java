package cn.liaison.backend.wecom;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.wxjava.VertxWxRedisOps;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.WxCpOauth2UserInfo;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.config.impl.AbstractWxCpInRedisConfigImpl;

/**
 * The WeCom calls the service makes, through WxJava ({@code weixin-java-cp}). WxJava blocks, so
 * every call runs on the {@code wecom} worker pool; its retry loop is cut to one quick retry (the
 * outbox retries later with back-off). The access token lives in Redis, shared by all instances.
 */
@Published
public final class WecomClient {

    private static final String KEY_PREFIX = "wecom:token";

    private final WxCpService service;
    private final WecomSettings settings;
    private final WorkerExecutor workers;

    public WecomClient(WecomSettings settings, RedisAPI redis, WorkerExecutor workers) {
        this.settings = settings;
        this.workers = workers;
        AbstractWxCpInRedisConfigImpl config = new AbstractWxCpInRedisConfigImpl(new VertxWxRedisOps(redis), KEY_PREFIX) {
        };
        config.setCorpId(settings.corpId());
        config.setCorpSecret(settings.secret());
        config.setAgentId(settings.agentId());
        config.setBaseApiUrl(settings.apiBase());
        WxCpServiceImpl impl = new WxCpServiceImpl();
        impl.setWxCpConfigStorage(config);
        impl.setMaxRetryTimes(1);
        impl.setRetrySleepMillis(200);
        this.service = impl;
    }

    public WecomSettings settings() {
        return settings;
    }

    /** OAuth: the WeCom user id behind a one-time code; empty for someone outside the corp. */
    public Future<Optional<String>> userIdForCode(String code) {
        return call(() -> {
            WxCpOauth2UserInfo info = service.getOauth2Service().getAuthUserInfo(code);
            return Optional.ofNullable(info.getUserId()).filter(id -> !id.isBlank());
        });
    }

    /**
     * Sends an application message as a text card (标题, 描述, 详情链接) to one member.
     *
     * @return fails with {@link WecomException} when WeCom refuses it or reports the member invalid
     */
    public Future<Void> sendTextCard(String wecomUserId, String title, String description, String url) {
        return call(() -> {
            WxCpMessage message = WxCpMessage.TEXTCARD()
                    .agentId(settings.agentId())
                    .toUser(wecomUserId)
                    .title(title)
                    .description(description)
                    .url(url)
                    .btnTxt("详情")
                    .build();
            WxCpMessageSendResult result = service.getMessageService().send(message);
            List<String> invalid = result.getInvalidUserList();
            if (invalid != null && invalid.contains(wecomUserId)) {
                throw new WecomException(81013, "企业微信拒收：成员 " + wecomUserId + " 不存在或不在应用可见范围内", null);
            }
            return null;
        });
    }

    private <T> Future<T> call(Callable<T> blocking) {
        return workers.executeBlocking(() -> {
            try {
                return blocking.call();
            } catch (WxErrorException e) {
                int code = e.getError() == null ? -1 : e.getError().getErrorCode();
                String msg = e.getError() == null ? e.getMessage() : e.getError().getErrorMsg();
                throw new WecomException(code, "企业微信返回错误 " + code + "：" + msg, e);
            } catch (WecomException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new WecomException(-1, "企业微信接口不可用：" + e.getMessage(), e);
            }
        }, false);
    }
}
