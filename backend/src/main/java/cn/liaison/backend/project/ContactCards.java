package cn.liaison.backend.project;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.identity.UserAccount;
import cn.liaison.backend.identity.UserAccounts;
import cn.liaison.backend.platform.log.Masking;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * 服务联系卡 for major projects (重点项目): who serves the project and how to reach them, with a QR
 * code that opens the project's page in the mini-program. Phones on a printed card are masked
 * (138****5678) like everywhere an enterprise sees staff details; the full number is one tap away
 * in the mini-program, where the enterprise is signed in.
 */
public final class ContactCards {

    /** 服务承诺 (service.liaison in the knowledge base). */
    static final String PROMISE = "服务承诺：无事不扰 · 有求必应 · 首问负责 · 限时办结";

    private final ProjectService projects;
    private final UserAccounts accounts;
    private final EnterpriseDirectory enterprises;
    private final UnitDirectory units;
    private final WorkerExecutor workers;
    private final String urlTemplate;
    private final CardRenderer renderer = new CardRenderer();

    ContactCards(ProjectService projects, UserAccounts accounts, EnterpriseDirectory enterprises, UnitDirectory units,
                 WorkerExecutor workers, String urlTemplate) {
        this.projects = projects;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.units = units;
        this.workers = workers;
        this.urlTemplate = urlTemplate;
    }

    /** The link the QR code holds: the configured template with {@code {id}} replaced. */
    static String link(String template, String projectId) {
        return template.replace("{id}", URLEncoder.encode(projectId, StandardCharsets.UTF_8));
    }

    String link(Project p) {
        return link(urlTemplate, p.id());
    }

    Future<byte[]> png(String projectId, Principal who) {
        return projects.visible(projectId, who).compose(doc -> {
            Project p = ProjectDocuments.project(doc);
            if (!p.kind().isMajor()) {
                return Future.failedFuture(new ProjectNotFound("联系卡只为重点项目（省、市重大项目和民营重点产业项目）制作"));
            }
            Future<Optional<UserAccount>> liaison = p.liaisonId() == null ? Future.succeededFuture(Optional.empty())
                    : accounts.byId(p.liaisonId());
            Future<Optional<UserAccount>> leader = p.leaderId() == null ? Future.succeededFuture(Optional.empty())
                    : accounts.byId(p.leaderId());
            return Future.all(liaison, leader, enterprises.find(p.enterpriseId()), units.find(p.districtUnitId()),
                            p.parkId() == null ? Future.succeededFuture(Optional.<Unit>empty()) : units.find(p.parkId()))
                    .compose(all -> {
                        Optional<Unit> district = all.resultAt(3);
                        Optional<Unit> park = all.resultAt(4);
                        String place = district.map(Unit::name).orElse(p.districtUnitId())
                                + park.map(u -> " " + u.name()).orElse("");
                        CardRenderer.Card card = new CardRenderer.Card("重点项目服务联系卡", p.name(),
                                all.<Optional<Enterprise>>resultAt(2).map(Enterprise::name).orElse(""), place, p.kind().label(),
                                person("联络员", all.resultAt(0)), person("包片领导", all.resultAt(1)), PROMISE, link(p),
                                "南京市国动办（人防办） · 项目编号 " + p.id());
                        return workers.executeBlocking(() -> renderer.png(card), false);
                    });
        });
    }

    static String person(String role, Optional<UserAccount> account) {
        return account.map(a -> role + "：" + a.name() + "　电话：" + (a.phone() == null ? "扫码联系" : Masking.maskPhone(a.phone())))
                .orElse(role + "：待指定（扫码联系服务专班）");
    }
}
