package cn.liaison.backend.demo;

import cn.liaison.backend.identity.LoginService;
import cn.liaison.backend.identity.PasswordHasher;
import cn.liaison.backend.identity.UserAccount;
import cn.liaison.backend.identity.UserAccounts;
import cn.liaison.backend.org.Contact;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseRegister;
import cn.liaison.backend.project.ProjectRefs;
import cn.liaison.backend.org.ProjectRef;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Demo data for embedded mode (never with external stores): on the first start, when there are no
 * users yet, people in 浦口区 and the city office, two enterprises with a user and a project each.
 * Passwords are random; they are written to {@code DATA_DIR/demo-accounts.json} (owner-only) before
 * the accounts are created, then printed once to standard output.
 */
public final class DemoData {

    public static final String FILE = "demo-accounts.json";
    private static final int PASSWORD_LENGTH = 16;

    private final Vertx vertx;
    private final UserAccounts users;
    private final EnterpriseRegister enterprises;
    private final ProjectRefs projects;
    private final LoginService logins;
    private final PasswordHasher hasher;
    private final Path dataDir;

    public DemoData(Vertx vertx, UserAccounts users, EnterpriseRegister enterprises, ProjectRefs projects,
                    LoginService logins, PasswordHasher hasher, Path dataDir) {
        this.vertx = vertx;
        this.users = users;
        this.enterprises = enterprises;
        this.projects = projects;
        this.logins = logins;
        this.hasher = hasher;
        this.dataDir = dataDir;
    }

    /** The accounts created now; empty when there were users already. */
    public Future<List<DemoAccount>> createOnFirstStart() {
        return users.count().compose(count -> count > 0 ? Future.succeededFuture(List.of()) : create());
    }

    private Future<List<DemoAccount>> create() {
        List<DemoAccount> accounts = DemoPeople.ACCOUNTS.stream()
                .map(p -> new DemoAccount(p, hasher.randomPassword(PASSWORD_LENGTH)))
                .toList();
        Path file = dataDir.resolve(FILE);
        return vertx.executeBlocking(() -> write(file, accounts))
                .compose(ignored -> insertEnterprisesAndProjects())
                .compose(ignored -> insertUsers(accounts))
                .onSuccess(ignored -> print(accounts, file))
                .map(accounts);
    }

    private Future<Void> insertEnterprisesAndProjects() {
        Future<Void> chain = Future.succeededFuture();
        for (Enterprise enterprise : DemoPeople.ENTERPRISES) {
            Contact contact = DemoPeople.contactOf(enterprise.id());
            chain = chain.compose(ignored -> ignoreDuplicate(enterprises.insert(enterprise, List.of(contact))));
        }
        for (ProjectRef project : DemoPeople.PROJECTS) {
            chain = chain.compose(ignored -> ignoreDuplicate(projects.insert(project)));
        }
        return chain;
    }

    private Future<Void> insertUsers(List<DemoAccount> accounts) {
        List<Future<UserAccount>> hashed = new ArrayList<>();
        for (DemoAccount account : accounts) {
            DemoPeople.Person p = account.person();
            hashed.add(logins.hash(account.password()).map(hash -> new UserAccount(p.id(), p.username(), p.name(),
                    Set.of(p.role()), p.unitId(), p.enterpriseId(), hash, null, true, 0, null)));
        }
        return Future.all(hashed)
                .compose(all -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Future<UserAccount> user : hashed) {
                        chain = chain.compose(ignored -> ignoreDuplicate(users.insert(user.result())));
                    }
                    return chain;
                });
    }

    private static Future<Void> ignoreDuplicate(Future<Void> insert) {
        return insert.recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
    }

    private static Void write(Path file, List<DemoAccount> accounts) throws IOException {
        JsonArray json = new JsonArray();
        for (DemoAccount a : accounts) {
            JsonObject entry = new JsonObject()
                    .put("username", a.person().username())
                    .put("password", a.password())
                    .put("role", a.person().role().name())
                    .put("unitId", a.person().unitId());
            if (a.person().enterpriseId() != null) {
                entry.put("enterpriseId", a.person().enterpriseId());
            }
            json.add(entry);
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
        }
        Files.writeString(file, json.encodePrettily() + "\n", StandardCharsets.UTF_8);
        return null;
    }

    /** Deliberately to standard output, not the log: shown once, to the person who started the service. */
    private static void print(List<DemoAccount> accounts, Path file) {
        StringBuilder out = new StringBuilder("\n");
        out.append("================ 演示账号 Demo accounts (shown only this once) ================\n");
        out.append(String.format("  %-20s %-18s %-12s %s%n", "username", "password", "role", "unit / enterprise"));
        for (DemoAccount a : accounts) {
            DemoPeople.Person p = a.person();
            out.append(String.format("  %-20s %-18s %-12s %s%n", p.username(), a.password(), p.role(),
                    p.enterpriseId() != null ? p.enterpriseId() : p.unitId()));
        }
        out.append("  Also saved in ").append(file).append(" (readable by its owner only).\n");
        out.append("  Log in: POST /api/v1/auth/login {\"username\": ..., \"password\": ...}\n");
        out.append("================================================================================\n");
        System.out.print(out);
        System.out.flush();
    }

    /** One created account and its password. */
    public record DemoAccount(DemoPeople.Person person, String password) {

        @Override
        public String toString() {
            return "DemoAccount[" + person.username() + "]";
        }
    }
}
