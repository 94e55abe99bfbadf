package cn.liaison.backend.hostile;

import cn.liaison.backend.TestApp;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the store holds, compactly: per collection its document count and highest {@code version}
 * (and newest {@code _id}), so "nothing was written" is one equality. Logs of questions asked are
 * left out: answering a question records it by design, and so is the audit log: a refused sign-in
 * is recorded there (LOGIN_FAILED) on purpose.
 */
final class StoreFingerprint {

    static final List<String> IGNORED = List.of("kb_questions", "question_log", "questions", "chat_transcripts", "audit_log");

    private StoreFingerprint() {
    }

    static Map<String, String> of(TestApp app) throws Exception {
        MongoClient mongo = app.app().platform().stores().mongo();
        List<String> names = mongo.getCollections().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Map<String, String> out = new TreeMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (String name : names) {
            if (IGNORED.stream().anyMatch(name::contains) || name.contains("transcript") || name.contains("question")) {
                continue;
            }
            all.add(Future.all(mongo.count(name, new JsonObject()),
                            mongo.findWithOptions(name, new JsonObject(), new FindOptions()
                                    .setSort(new JsonObject().put("version", -1)).setLimit(1)
                                    .setFields(new JsonObject().put("version", 1))))
                    .onSuccess(f -> {
                        List<JsonObject> top = f.resultAt(1);
                        synchronized (out) {
                            out.put(name, f.resultAt(0) + "/" + (top.isEmpty() ? "-" : top.get(0).getValue("version")));
                        }
                    }));
        }
        Future.all(all).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return out;
    }
}
