package cn.liaison.backend.inspection;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.Channel;
import cn.liaison.backend.request.NewRequest;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.bots.domain.RequestType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * 扫码入企: enterprise codes, the inspection-item list, inspections planned within the caps of
 * 无事不扰 (综合查一次), registered on site by scanning the code, and rated by the enterprise.
 * Owns {@code inspections}, {@code inspection_items}, {@code inspection_settings},
 * {@code inspection_keys} and {@code enterprise_codes}; publishes {@link InspectionFigures} for the
 * monthly summary; delivers its notices with job {@code inspection-outbox}.
 */
public final class InspectionsFeature implements Feature {

    private final Optional<String> publicBaseUrl;

    /** @param publicBaseUrl {@code PUBLIC_BASE_URL}: the QR code links to the scan page under it (else the caller's origin) */
    public InspectionsFeature(Optional<String> publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public String name() {
        return "inspections";
    }

    @Override
    public Future<Void> start(Platform platform) {
        var mongo = platform.stores().mongo();
        platform.collections(InspectionCollections.INSPECTIONS, InspectionCollections.ITEMS, InspectionCollections.SETTINGS,
                InspectionCollections.KEYS, InspectionCollections.CODES);
        UserDirectory users = platform.ports().require(UserDirectory.class);
        RequestModule requests = platform.ports().require(RequestModule.class);
        InspectionStore store = new InspectionStore(mongo, platform.ports().require(EnterpriseDirectory.class),
                platform.ports().require(UnitDirectory.class), users::enterpriseUserIds, platform.clock());
        InspectionCatalogue catalogue = new InspectionCatalogue(mongo, platform.clock());
        EnterpriseCodes codes = new EnterpriseCodes(mongo);
        Inspections inspections = new Inspections(store, catalogue, codes, platform.ports().require(WorkingCalendar.class));
        EnterpriseInspections enterprise = new EnterpriseInspections(mongo, store, codes,
                (text, who) -> openRequest(requests, text, who));
        OutboxDispatcher outbox = new OutboxDispatcher(new InspectionOutbox(mongo), "inspection", platform.fanOut(),
                platform.stores().redis(), platform.clock());
        platform.jobs().add(Job.leased("inspection-outbox", Schedule.every(Duration.ofSeconds(1)), OutboxDispatcher.LEASE,
                outbox::runOnce));
        platform.ports().publish(InspectionFigures.class, new MonthlyInspections(mongo));
        platform.route(new InspectionRoutes(catalogue, inspections, enterprise, store, publicBaseUrl));
        platform.rawRoute(new InspectionPages(enterprise, new AuthHandler(platform.ports().require(Tokens.class)), platform.blocking(), publicBaseUrl));
        Principal system = new Principal("system", "系统", Set.of(Role.CITY_ADMIN), null, null);
        return Future.all(store.start(), codes.start())
                .compose(v -> platform.demo() ? catalogue.seedDemo(system) : Future.succeededFuture()).mapEmpty();
    }

    /** A bad rating becomes a complaint from the enterprise user, routed and timed like any request. */
    private static Future<JsonObject> openRequest(RequestModule requests, String text, Principal who) {
        NewRequest in = new NewRequest(RequestType.COMPLAINT, text, null, null, null, null);
        return requests.intake().submit(in, Actor.of(who), Channel.MINIPROGRAM, null)
                .map(s -> new JsonObject().put("id", s.document().getString("_id")).put("number", s.document().getString("number")));
    }
}
