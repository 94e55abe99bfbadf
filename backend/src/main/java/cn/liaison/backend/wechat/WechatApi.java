package cn.liaison.backend.wechat;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.wxjava.VertxWxRedisOps;
import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaKefuMessage;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import cn.liaison.backend.config.MiniProgramConfig;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.redis.client.RedisAPI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * The WeChat server API through WxJava. Every call blocks (HTTP), so it runs on a named worker pool;
 * WxJava's own retry loop is cut to one quick retry. The access token lives in Redis, shared by all
 * instances. Failures become {@link WechatException} with WeChat's errcode.
 */
@Published
public final class WechatApi {

    /** The subscription is used up: the user must subscribe again; not worth retrying. */
    public static final int NO_SUBSCRIPTION = 43101;

    private final WxMaService service;
    private final WorkerExecutor worker;
    private final MiniProgramConfig config;

    public WechatApi(MiniProgramConfig config, RedisAPI redis, WorkerExecutor worker) {
        this.config = config;
        this.worker = worker;
        WxMaRedisBetterConfigImpl wx = new WxMaRedisBetterConfigImpl(new VertxWxRedisOps(redis), "liaison:wechat");
        wx.setAppid(config.appId().orElseThrow());
        wx.setSecret(config.secret().orElseThrow());
        config.token().ifPresent(wx::setToken);
        config.aesKey().ifPresent(wx::setAesKey);
        wx.setMsgDataFormat(config.msgFormat());
        wx.setApiHostUrl(config.apiBase());
        wx.setMaxRetryTimes(1);
        wx.setRetrySleepMillis(200);
        service = new WxMaServiceImpl();
        service.setWxMaConfig(wx);
        service.setMaxRetryTimes(1);
        service.setRetrySleepMillis(200);
    }

    /** What code2Session returned. {@code sessionKey} stays on the server and is never logged. */
    public record Session(String openid, String unionid, String sessionKey) {
        @Override
        public String toString() {
            return "Session[openid=" + openid + ", unionid=" + unionid + "]";
        }
    }

    public Future<Session> code2Session(String code) {
        return call(() -> {
            WxMaJscode2SessionResult result = service.getUserService().getSessionInfo(code);
            return new Session(result.getOpenid(), result.getUnionid(), result.getSessionKey());
        });
    }

    /** 客服消息: a text to a user who wrote to us within the last 48 hours. */
    public Future<Void> sendText(String openid, String text) {
        return call(() -> {
            service.getMsgService().sendKefuMsg(WxMaKefuMessage.newTextBuilder().toUser(openid).content(text).build());
            return null;
        });
    }

    /** 订阅消息; values must already be within WeChat's limits (see {@link TemplateValues}). */
    public Future<Void> sendSubscribe(String openid, String templateId, String page, Map<String, String> data) {
        return call(() -> {
            WxMaSubscribeMessage message = new WxMaSubscribeMessage()
                    .setToUser(openid).setTemplateId(templateId).setPage(page)
                    .setMiniprogramState(config.miniprogramState()).setLang("zh_CN");
            new LinkedHashMap<>(data).forEach((k, v) -> message.addData(new WxMaSubscribeMessage.MsgData(k, v)));
            service.getMsgService().sendSubscribeMsg(message);
            return null;
        });
    }

    /** msg_sec_check v2: whether the text may be processed ({@code pass}, else {@code risky}/{@code review}). */
    public Future<Boolean> textIsSafe(String openid, String text) {
        return call(() -> {
            WxMaMsgSecCheckCheckResponse response = service.getSecurityService().checkMessage(
                    WxMaMsgSecCheckCheckRequest.builder().version("2").openid(openid).scene(1).content(text).build());
            return response.getResult() == null || "pass".equals(response.getResult().getSuggest());
        });
    }

    private <T> Future<T> call(Callable<T> action) {
        return worker.executeBlocking(() -> {
            try {
                return action.call();
            } catch (WxErrorException e) {
                throw new WechatException(e.getError() == null ? -1 : e.getError().getErrorCode(),
                        e.getError() == null ? e.getMessage() : e.getError().getErrorMsg());
            } catch (RuntimeException e) {
                throw new WechatException(-1, e.getMessage());
            }
        }, false);
    }

    /** A WeChat API failure; the message never contains the access token (WxJava masks nothing). */
    public static final class WechatException extends RuntimeException
            implements cn.liaison.backend.platform.telemetry.ErrorCoded {
        private final int errcode;

        public WechatException(int errcode, String message) {
            super("WeChat errcode " + errcode + ": " + strip(message), null, false, false);
            this.errcode = errcode;
        }

        @Override
        public int errorCode() {
            return errcode;
        }

        public int errcode() {
            return errcode;
        }

        private static String strip(String message) {
            return message == null ? "" : message.replaceAll("access_token=[^&\\s]+", "access_token=***");
        }
    }
}
