package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RequestWords;

import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * 研判 on arrival: the type (when not given) and category from the text, the district and park from
 * the project, the enterprise or what the submitter said, and the route: the project's own liaison,
 * else the unit's liaison with the fewest open tasks ({@link LiaisonLoads}). Another department's matter is forwarded;
 * when no unit or liaison can be found a unit head (or the city office) reviews it.
 */
final class Assessor {

    private final TopicClassifier classifier;
    private final UnitDirectory units;
    private final UserDirectory users;
    private final EnterpriseDirectory enterprises;
    private final ProjectDirectory projects;
    private final LiaisonLoads loads;

    Assessor(TopicClassifier classifier, UnitDirectory units, UserDirectory users, EnterpriseDirectory enterprises,
             ProjectDirectory projects, LiaisonLoads loads) {
        this.classifier = classifier;
        this.units = units;
        this.users = users;
        this.enterprises = enterprises;
        this.projects = projects;
        this.loads = loads;
    }

    Future<Assessment> assess(JsonObject doc) {
        String content = doc.getString("content");
        RequestType given = RequestDocuments.type(doc).orElse(null);
        RequestType type = given != null ? given : RequestWords.guess(content);
        return classifier.classify(content).compose(c -> {
            String category = c.topicId().orElse(null);
            if (c.department().isPresent() && category == null) {
                return Future.succeededFuture(new Assessment(Assessment.Outcome.FORWARD, type, null, null,
                        c.confidence(), null, null, null, null, null, c.department().get(),
                        "不属于人防业务，应由" + c.department().get() + "办理"));
            }
            Future<Place> placed = place(doc);
            if (type == RequestType.COMPLAINT && RequestWords.aboutStaff(content)) {
                return placed.compose(place -> supervisingOffice(place).map(office -> new Assessment(
                        Assessment.Outcome.REVIEW, type, category, c.topicTitle(), c.confidence(), place.district,
                        place.parkId, office, null, null, null, "投诉工作人员，由其上级单位研判处理，不交被投诉方办理")));
            }
            return placed.compose(place -> route(place)
                    .map(route -> new Assessment(route.liaison == null ? Assessment.Outcome.REVIEW : Assessment.Outcome.ASSIGN,
                            type, category, c.topicTitle(), c.confidence(), place.district, place.parkId,
                            route.unitId, route.liaison == null ? null : route.liaison.id(),
                            route.liaison == null ? null : route.liaison.name(), null, route.reason)));
        });
    }

    /** Which district and park the request belongs to, and the project's own liaison if any. */
    private Future<Place> place(JsonObject doc) {
        String projectId = doc.getString("projectId");
        String enterpriseId = doc.getString("enterpriseId");
        String districtName = doc.getString("districtName");
        if (projectId != null) {
            return projects.find(projectId).compose(p -> p.isPresent()
                    ? Future.succeededFuture(new Place(p.get().districtUnitId(), p.get().parkId(), p.get().liaisonId()))
                    : fromEnterprise(enterpriseId, districtName));
        }
        return fromEnterprise(enterpriseId, districtName);
    }

    private Future<Place> fromEnterprise(String enterpriseId, String districtName) {
        Future<Optional<Place>> byEnterprise = enterpriseId == null ? Future.succeededFuture(Optional.empty())
                : enterprises.find(enterpriseId).map(e -> e.map(x -> new Place(x.districtUnitId(), x.parkId(), null)));
        return byEnterprise.compose(place -> {
            if (place.isPresent() || districtName == null) {
                return Future.succeededFuture(place.orElse(new Place(null, null, null)));
            }
            return units.districtByName(districtName).map(d -> new Place(d.map(Unit::id).orElse(null), null, null));
        });
    }

    /** The office above the one serving the place (park → district → city): it supervises that staff. */
    private Future<String> supervisingOffice(Place place) {
        String serving = place.parkId != null ? place.parkId : place.district;
        if (serving == null) {
            return Future.succeededFuture(null);
        }
        return units.find(serving).map(unit -> unit.map(u -> u.parentId() == null ? u.id() : u.parentId()).orElse(null));
    }

    private Future<Route> route(Place place) {
        Future<Optional<StaffMember>> projectLiaison = place.projectLiaisonId == null
                ? Future.succeededFuture(Optional.empty())
                : users.find(place.projectLiaisonId);
        return projectLiaison.compose(own -> {
            if (own.isPresent() && own.get().unitId() != null) {
                return Future.succeededFuture(new Route(own.get().unitId(), own.get(), "项目联络员负责"));
            }
            if (place.parkId != null) {
                return loads.leastBusy(place.parkId).compose(park -> park.isPresent()
                        ? Future.succeededFuture(new Route(place.parkId, park.get(), "园区联络员中在办任务最少"))
                        : inDistrict(place.district));
            }
            return inDistrict(place.district);
        });
    }

    private Future<Route> inDistrict(String district) {
        if (district == null) {
            return Future.succeededFuture(new Route(null, null, "无法确定所属区，提交市级研判分派"));
        }
        return loads.leastBusy(district).map(liaison -> liaison
                .map(l -> new Route(district, l, "区联络员中在办任务最少"))
                .orElse(new Route(district, null, "该区暂无可分派的联络员，提交负责人分派")));
    }

    private record Place(String district, String parkId, String projectLiaisonId) {
    }

    private record Route(String unitId, StaffMember liaison, String reason) {
    }
}
