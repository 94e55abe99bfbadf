package cn.liaison.backend.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads {@code openapi.yaml} for the request validator.
 *
 * <p>vertx-openapi 5.0 refuses a contract whose responses use {@code application/problem+json}
 * (it only knows a fixed list of media types), although it never validates responses here. The
 * published contract stays truthful; the validator gets a copy in which those response media types
 * read {@code application/json}. The validator's schema checks are built once per schema
 * ({@link CachedValidators}).
 */
public final class ContractLoader {

    static final String PROBLEM_JSON = "application/problem+json";

    private ContractLoader() {
    }

    /**
     * @param extension applied to the parsed contract before validation is set up; the identity in
     *                  production, tests use it to add operations that exercise the edge
     */
    public static Future<OpenAPIContract> load(Vertx vertx, UnaryOperator<JsonObject> extension) {
        String yamlText = HttpVerticle.resource(HttpVerticle.CONTRACT_RESOURCE);
        Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        JsonObject contract = extension.apply(new JsonObject(parsed));
        JsonObject paths = contract.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject operations = paths.getJsonObject(path);
            for (String method : operations.fieldNames()) {
                if (operations.getValue(method) instanceof JsonObject operation) {
                    rewriteResponses(operation.getJsonObject("responses"));
                }
            }
        }
        JsonObject responses = contract.getJsonObject("components", new JsonObject()).getJsonObject("responses");
        if (responses != null) {
            responses.fieldNames().forEach(name -> rewriteContent(responses.getJsonObject(name)));
        }
        return OpenAPIContract.from(vertx, contract).map(CachedValidators::of);
    }

    private static void rewriteResponses(JsonObject responses) {
        if (responses != null) {
            responses.fieldNames().forEach(status -> rewriteContent(responses.getJsonObject(status)));
        }
    }

    private static void rewriteContent(JsonObject response) {
        JsonObject content = response == null ? null : response.getJsonObject("content");
        if (content != null && content.containsKey(PROBLEM_JSON)) {
            Object schema = content.remove(PROBLEM_JSON);
            if (!content.containsKey("application/json")) {
                content.put("application/json", schema);
            }
        }
    }
}
