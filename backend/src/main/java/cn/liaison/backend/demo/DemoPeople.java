package cn.liaison.backend.demo;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.org.Contact;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.ProjectRef;
import java.util.List;

/**
 * Who the demo data consists of. Ids are stable so that tests and walkthroughs can name them:
 * the first 浦口 liaison is {@code user-pukou-liaison-1} and is the liaison of {@code project-demo-1};
 * {@code project-demo-2} (in 南京浦口经济开发区) has no liaison.
 */
public final class DemoPeople {

    public static final String PUKOU = "district-pukou";
    public static final String PUKOU_PARK = "park-pukou-edz";
    public static final String CITY = "city";

    /** A person to create; {@code unitId} for staff, {@code enterpriseId} for enterprise users. */
    public record Person(String id, String username, String name, Role role, String unitId, String enterpriseId) {
    }

    static final List<Person> ACCOUNTS = List.of(
            new Person("user-pukou-head", "pukou-head", "王磊", Role.UNIT_HEAD, PUKOU, null),
            new Person("user-pukou-liaison-1", "pukou-liaison-1", "李娜", Role.LIAISON, PUKOU, null),
            new Person("user-pukou-liaison-2", "pukou-liaison-2", "张伟", Role.LIAISON, PUKOU, null),
            new Person("user-pukou-edz-liaison", "pukou-edz-liaison", "陈静", Role.LIAISON, PUKOU_PARK, null),
            new Person("user-hotline-agent", "hotline-agent", "刘洋", Role.AGENT, CITY, null),
            new Person("user-city-admin", "city-admin", "赵敏", Role.CITY_ADMIN, CITY, null),
            new Person("user-enterprise-1", "enterprise-1", "周强", Role.ENTERPRISE, null, "enterprise-demo-1"),
            new Person("user-enterprise-2", "enterprise-2", "吴芳", Role.ENTERPRISE, null, "enterprise-demo-2"));

    static final List<Enterprise> ENTERPRISES = List.of(
            new Enterprise("enterprise-demo-1", "南京江浦示范置业有限公司", "91320111MA1XDM7A2U", PUKOU, null),
            new Enterprise("enterprise-demo-2", "南京浦口示范精密制造有限公司", "91320111MA1XDM8B5U", PUKOU, PUKOU_PARK));

    static final List<ProjectRef> PROJECTS = List.of(
            new ProjectRef("project-demo-1", "江浦示范花园一期住宅项目", "enterprise-demo-1", PUKOU, null, "user-pukou-liaison-1"),
            new ProjectRef("project-demo-2", "示范精密制造厂房扩建项目", "enterprise-demo-2", PUKOU, PUKOU_PARK, null));

    private DemoPeople() {
    }

    static Contact contactOf(String enterpriseId) {
        return enterpriseId.endsWith("1") ? new Contact("周强", "13800000001") : new Contact("吴芳", "13800000002");
    }
}
