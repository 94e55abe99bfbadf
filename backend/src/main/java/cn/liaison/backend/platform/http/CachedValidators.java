package cn.liaison.backend.platform.http;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract as the request validator sees it, with one schema validator per schema instead of
 * one per check. vertx-json-schema 5.0 builds a new validator for every parameter and body it
 * checks, and each one copies the repository's whole lookup table (every schema of the contract):
 * under load that copying was an eighth of the service's CPU. A validator keeps no state between
 * calls, so one is built per schema, on first use, and shared.
 *
 * <p>The cache holds at most one entry per schema object of the contract, which is fixed once
 * loaded; it cannot grow with traffic.
 */
final class CachedValidators implements OpenAPIContract {

    private final OpenAPIContract contract;
    private final Repository repository;

    private CachedValidators(OpenAPIContract contract) {
        this.contract = contract;
        this.repository = new Repository(contract.getSchemaRepository());
    }

    static OpenAPIContract of(OpenAPIContract contract) {
        return new CachedValidators(contract);
    }

    /** Validators built so far (for tests). */
    int validatorsBuilt() {
        return repository.validators.size();
    }

    @Override
    public Operation operation(String operationId) {
        return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
        return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return contract.getVersion();
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return repository;
    }

    @Override
    public List<Server> getServers() {
        return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return contract.securityScheme(name);
    }

    /** Schema objects compared by identity: their own equals compares whole JSON trees. */
    private record Identity(JsonSchema schema) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }

    private static final class Repository implements SchemaRepository {
        private final SchemaRepository schemas;
        private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

        Repository(SchemaRepository schemas) {
            this.schemas = schemas;
        }

        @Override
        public Validator validator(JsonSchema schema) {
            return validators.computeIfAbsent(new Identity(schema), key -> schemas.validator(key.schema()));
        }

        @Override
        public SchemaRepository dereference(JsonSchema schema) {
            return schemas.dereference(schema);
        }

        @Override
        public SchemaRepository dereference(String uri, JsonSchema schema) {
            return schemas.dereference(uri, schema);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs) {
            return schemas.preloadMetaSchema(fs);
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
            return schemas.preloadMetaSchema(fs, draft);
        }

        @Override
        public Validator validator(String ref) {
            return schemas.validator(ref);
        }

        @Override
        public Validator validator(String ref, JsonSchemaOptions options) {
            return schemas.validator(ref, options);
        }

        @Override
        public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
            return schemas.validator(schema, options, dereference);
        }

        @Override
        public JsonObject resolve(JsonObject schema) {
            return schemas.resolve(schema);
        }

        @Override
        public JsonSchema find(String pointer) {
            return schemas.find(pointer);
        }
    }
}
