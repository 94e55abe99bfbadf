package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unit of the office: the city office, a district office or a park's office.
 *
 * @param id       stable, e.g. {@code district-pukou}
 * @param parentId null exactly for the city
 */
@Published
public record Unit(String id, String name, UnitLevel level, String parentId) {

    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public Unit {
        if (id == null || !ID.matcher(id).matches()) {
            throw new UnitRuleViolation("id", "单位编号须为 2-64 位小写字母、数字或连字符，并以字母开头");
        }
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty() || name.length() > 64) {
            throw new UnitRuleViolation("name", "单位名称不能为空，且不超过 64 个字");
        }
        Objects.requireNonNull(level, "level");
        if ((level == UnitLevel.CITY) != (parentId == null)) {
            throw new UnitRuleViolation("parentId", level == UnitLevel.CITY ? "市级单位没有上级单位" : "必须指定上级单位");
        }
    }
}
