package cn.liaison.backend.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Who may call what is in the contract: every operation declares known roles in x-roles. */
class ContractRolesTest {

    private static final Set<String> SPECIAL = Set.of(Authorization.PUBLIC, Authorization.AUTHENTICATED, "PLATFORM_12345");

    @Test
    void everyOperationDeclaresKnownRoles() throws Exception {
        Map<String, List<String>> declared = Authorization.declaredIn(contract());
        assertTrue(declared.size() > 60, "operations found: " + declared.size());
        Set<String> known = EnumSet.allOf(Role.class).stream().map(Enum::name).collect(Collectors.toSet());
        known.addAll(SPECIAL);
        Map<String, List<String>> bad = new TreeMap<>();
        declared.forEach((op, roles) -> {
            if (roles.isEmpty() || !known.containsAll(roles)
                    || roles.size() > 1 && roles.stream().anyMatch(SPECIAL::contains)) {
                bad.put(op, roles);
            }
        });
        assertEquals(Map.of(), bad, "operations without (valid) x-roles");
    }

    @Test
    void publicOperationsAreExactlyThoseWithoutSignIn() throws Exception {
        JsonObject contract = contract();
        Map<String, List<String>> declared = Authorization.declaredIn(contract);
        JsonObject paths = contract.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (paths.getJsonObject(path).getValue(method) instanceof JsonObject op && op.containsKey("operationId")) {
                    boolean noBearer = op.containsKey("security") && op.getJsonArray("security").isEmpty();
                    List<String> roles = declared.get(op.getString("operationId"));
                    boolean publicOrMachine = roles.contains(Authorization.PUBLIC) || roles.contains("PLATFORM_12345");
                    assertEquals(noBearer, publicOrMachine, op.getString("operationId") + " security vs x-roles " + roles);
                }
            }
        }
    }

    static JsonObject contract() throws Exception {
        try (InputStream in = ContractRolesTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new JsonObject(parsed);
        }
    }
}
