package cn.liaison.backend.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped contract with shared schema validators still accepts what it accepted and refuses what it refused. */
class CachedValidatorsTest {

    private static Vertx vertx;
    private static OpenAPIContract contract;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        contract = ContractLoader.load(vertx, UnaryOperator.identity()).await(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static Future<ValidatedRequest> create(RequestValidator validator, JsonObject body) {
        RequestParameter json = new RequestParameterImpl(body.toBuffer());
        return validator.validate(new ValidatableRequestImpl(Map.of(), Map.of(), Map.of(), Map.of(), json,
                "application/json"), "createRequest");
    }

    @Test
    void eachSchemaGetsOneValidatorHoweverOftenItIsChecked() throws Exception {
        CachedValidators cached = assertInstanceOf(CachedValidators.class, contract);
        RequestValidator validator = RequestValidator.create(vertx, contract);
        create(validator, new JsonObject().put("content", "第一次")).await(10, TimeUnit.SECONDS);
        int afterFirst = cached.validatorsBuilt();
        List<Future<ValidatedRequest>> checks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            checks.add(create(validator, new JsonObject().put("content", "人防工程竣工验收需要哪些材料 " + i)));
        }
        for (Future<ValidatedRequest> check : checks) {
            JsonObject body = check.await(10, TimeUnit.SECONDS).getBody().getJsonObject();
            assertTrue(body.getString("content").startsWith("人防工程竣工验收"));
        }
        assertTrue(afterFirst >= 1);
        assertEquals(afterFirst, cached.validatorsBuilt(), "the body schema's validator is reused, not built per check");
        var schema = contract.operation("createRequest").getRequestBody().getContent().get("application/json").getSchema();
        assertSame(contract.getSchemaRepository().validator(schema), contract.getSchemaRepository().validator(schema));
    }

    @Test
    void aSharedValidatorStillRefusesWhatTheContractForbids() throws Exception {
        RequestValidator validator = RequestValidator.create(vertx, contract);
        create(validator, new JsonObject().put("content", "合法的诉求")).await(10, TimeUnit.SECONDS);
        for (JsonObject bad : List.of(new JsonObject(), new JsonObject().put("content", ""),
                new JsonObject().put("content", "x".repeat(2001)),
                new JsonObject().put("content", "诉求").put("$where", "1"),
                new JsonObject().put("content", "诉求").put("channel", "FAX"))) {
            Throwable refused = catchFailure(create(validator, bad));
            assertInstanceOf(ValidatorException.class, refused, bad::encode);
        }
    }

    private static Throwable catchFailure(Future<?> future) {
        try {
            future.await(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
