package cn.liaison.backend.kb;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.log.Masking;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.ProjectRef;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.RequestService;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Arrays;
import cn.liaison.bots.domain.RatingLevel;

/**
 * 指导案例: a unit head turns a responded, well-rated request into a draft knowledge-base case —
 * the question, how it was handled, the conclusion — with the enterprise's details removed. A city
 * admin reviews and publishes it like any draft, after which the bots can find it.
 *
 * <pre>
 *   POST /api/v1/requests/{id}/case-draft    createCaseDraft   unit head (its area) or city admin
 * </pre>
 */
final class GuidingCases implements Routes {

    static final String ENTERPRISE = "某企业";
    static final String PROJECT = "某项目";
    static final String PERSON = "某某";
    private static final String CREDIT_CODE = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}";

    private final RequestService requests;
    private final EnterpriseDirectory enterprises;
    private final ProjectDirectory projects;
    private final KbAdmin admin;
    private final Clock clock;

    GuidingCases(RequestService requests, EnterpriseDirectory enterprises, ProjectDirectory projects, KbAdmin admin,
                 Clock clock) {
        this.requests = requests;
        this.enterprises = enterprises;
        this.projects = projects;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("createCaseDraft").addHandler(this::draft);
    }

    private void draft(RoutingContext rc) {
        Principal me = AuthHandler.principal(rc);
        JsonObject body = rc.body().asJsonObject();
        requests.get(rc.pathParam("id"), Actor.of(me))
                .compose(request -> names(request).map(names -> entry(request, body, names)))
                .compose(entry -> admin.saveDraft(entry.getString("id"), entry, me.name()))
                .onSuccess(saved -> rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(saved.encode()))
                .onFailure(e -> rc.fail(cn.liaison.backend.request.RequestProblems.translate(e)));
    }

    /** The enterprise's, project's and people's names, each with what a reader sees instead. */
    private Future<Map<String, String>> names(JsonObject request) {
        Future<Optional<Enterprise>> enterprise = request.getString("enterpriseId") == null
                ? Future.succeededFuture(Optional.empty()) : enterprises.find(request.getString("enterpriseId"));
        Future<Optional<ProjectRef>> project = request.getString("projectId") == null
                ? Future.succeededFuture(Optional.empty()) : projects.find(request.getString("projectId"));
        return Future.all(enterprise, project).map(done -> {
            Map<String, String> names = new LinkedHashMap<>();
            enterprise.result().ifPresent(e -> names.put(e.name(), ENTERPRISE));
            project.result().ifPresent(p -> names.put(p.name(), PROJECT));
            JsonObject creator = request.getJsonObject("createdBy", new JsonObject());
            if ("ENTERPRISE".equals(creator.getString("role")) && creator.getString("name") != null) {
                names.putIfAbsent(creator.getString("name"), PERSON);
            }
            JsonObject contact = request.getJsonObject("contact");
            if (contact != null && contact.getString("name") != null && !contact.getString("name").isBlank()) {
                names.putIfAbsent(contact.getString("name"), PERSON);
            }
            return names;
        });
    }

    private JsonObject entry(JsonObject request, JsonObject body, Map<String, String> names) {
        JsonObject rating = request.getJsonObject("rating");
        if (request.getJsonObject("response") == null || rating == null || !good(rating.getString("level"))) {
            throw ProblemException.conflict("只有已答复且评价为满意（含基本满意）的诉求才能形成指导案例");
        }
        String category = request.getString("category");
        if (category == null) {
            throw ProblemException.invalid("诉求尚未归类，请先研判分类", List.of(new FieldError("category", "诉求没有分类")));
        }
        List<String> steps = new ArrayList<>();
        if (body.getJsonArray("steps") != null) {
            body.getJsonArray("steps").forEach(s -> steps.add(String.valueOf(s)));
        } else {
            request.getJsonArray("history", new JsonArray()).forEach(h -> {
                JsonObject step = (JsonObject) h;
                if ("PROGRESS".equals(step.getString("action")) && step.getString("note") != null) {
                    steps.add(step.getString("note"));
                }
            });
        }
        String conclusion = body.getString("conclusion", request.getJsonObject("response").getString("result"));
        String question = body.getString("question", request.getString("content"));
        StringBuilder answer = new StringBuilder("**问题**：").append(question).append("\n\n");
        if (!steps.isEmpty()) {
            answer.append("**办理过程**：\n");
            for (int i = 0; i < steps.size(); i++) {
                answer.append(i + 1).append(". ").append(steps.get(i)).append('\n');
            }
            answer.append('\n');
        }
        answer.append("**结论**：").append(conclusion).append("\n\n本案例已隐去企业信息，仅供参考，具体以办理时的规定为准。");
        JsonArray questions = new JsonArray();
        body.getJsonArray("questions").forEach(q -> questions.add(anonymous(String.valueOf(q), names)));
        String number = request.getString("number");
        return new JsonObject()
                .put("id", "case-" + number.toLowerCase().replaceAll("[^a-z0-9]+", "-"))
                .put("kind", "case")
                .put("title", anonymous(body.getString("title"), names))
                .put("questions", questions)
                .put("answer", anonymous(answer.toString(), names))
                .put("topics", new JsonArray().add(category))
                .put("region", "南京")
                .put("effective", new JsonObject().put("from", LocalDate.now(clock.withZone(MongoDocs.ZONE)).toString()).putNull("to"))
                .put("sources", new JsonArray().add(new JsonObject()
                        .put("title", "诉求 " + number + " 办理记录（已隐去企业信息）").putNull("url")));
    }

    /**
     * Replaces the enterprise's and project's names and the people's names by what they are (某企业,
     * 某项目, 某某), longest first so a name inside another is not replaced half-way; phone numbers and
     * credit codes, with any brackets already around them, by one bracketed note.
     */
    static String anonymous(String text, Map<String, String> names) {
        String out = text;
        List<String> longestFirst = new ArrayList<>(names.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : longestFirst) {
            out = out.replace(name, names.get(name));
        }
        out = out.replaceAll("(联系人|负责人|经办人)[:：]?\\s*(?!某某)[\\u4e00-\\u9fa5]{2,4}", "$1" + PERSON);
        out = out.replaceAll("[（(]?\\s*" + CREDIT_CODE + "\\s*[）)]?", "（统一社会信用代码已隐去）");
        out = out.replaceAll("[（(]?\\s*(?<![0-9])1[3-9][0-9]{9}(?![0-9])\\s*[）)]?", "（电话已隐去）");
        return Masking.mask(out);
    }

    /** Rated satisfied (not a 差评). */
    private static boolean good(String level) {
        return Arrays.stream(RatingLevel.values()).anyMatch(l -> l.name().equals(level) && !l.isBad());
    }
}
