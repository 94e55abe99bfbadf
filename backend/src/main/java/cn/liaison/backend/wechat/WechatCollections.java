package cn.liaison.backend.wechat;

import cn.liaison.backend.platform.store.StoredCollection;

/**
 * The collections this package owns; no other package names them (ArchitectureTest). Other
 * features read them only through the ports this feature publishes.
 */
final class WechatCollections {

    static final StoredCollection MESSAGES = StoredCollection.named("wechat_messages").expiresBy("receivedAt", "wechat");
    static final StoredCollection SUBSCRIBE_LOG = StoredCollection.named("wechat_subscribe_log").expiresBy("at", "wechat");

    private WechatCollections() {
    }
}
