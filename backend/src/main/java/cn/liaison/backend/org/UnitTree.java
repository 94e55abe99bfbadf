package cn.liaison.backend.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of the unit tree (市 → 区 → 园区) with the rules for changing it: a unit's
 * parent exists and is exactly one level up.
 */
public final class UnitTree {

    private final Map<String, Unit> byId;
    private final Map<String, List<Unit>> children;

    private UnitTree(Map<String, Unit> byId) {
        this.byId = byId;
        this.children = byId.values().stream()
                .filter(u -> u.parentId() != null)
                .sorted(Comparator.comparing(Unit::id))
                .collect(Collectors.groupingBy(Unit::parentId, Collectors.toList()));
    }

    public static UnitTree of(Collection<Unit> units) {
        return new UnitTree(units.stream().collect(Collectors.toUnmodifiableMap(Unit::id, Function.identity())));
    }

    public Optional<Unit> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every unit, parents before children, siblings by id. */
    public List<Unit> all() {
        List<Unit> out = new ArrayList<>(byId.size());
        byId.values().stream()
                .filter(u -> u.parentId() == null || !byId.containsKey(u.parentId()))
                .sorted(Comparator.comparing(Unit::id))
                .forEach(root -> collect(root, out));
        return out;
    }

    /** The unit and everything below it; empty when the unit does not exist. */
    public Set<String> subtreeIds(String id) {
        Set<String> out = new LinkedHashSet<>();
        Unit root = byId.get(id);
        if (root == null) {
            return out;
        }
        Deque<Unit> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Unit unit = todo.pop();
            if (out.add(unit.id())) {
                todo.addAll(children.getOrDefault(unit.id(), List.of()));
            }
        }
        return out;
    }

    /** A district by its name: "浦口区", "浦口", "南京市浦口区"; "江北" finds 江北新区. */
    public Optional<Unit> districtByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip().replaceFirst("^南京市?", "");
        List<String> candidates = List.of(wanted, wanted + "区", wanted + "新区");
        return byId.values().stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT)
                .filter(u -> candidates.contains(u.name()))
                .min(Comparator.comparing(Unit::id));
    }

    /** Checks that {@code unit} may be added, or may replace the unit with its id; throws {@link UnitRuleViolation}. */
    public void checkPlacement(Unit unit) {
        if (unit.level() == UnitLevel.CITY) {
            Optional<Unit> city = byId.values().stream().filter(u -> u.level() == UnitLevel.CITY).findFirst();
            if (city.isPresent() && !city.get().id().equals(unit.id())) {
                throw new UnitRuleViolation("level", "只能有一个市级单位");
            }
            return;
        }
        Unit parent = byId.get(unit.parentId());
        if (parent == null) {
            throw new UnitRuleViolation("parentId", "上级单位 " + unit.parentId() + " 不存在");
        }
        UnitLevel expected = unit.level().parentLevel().orElseThrow();
        if (parent.level() != expected) {
            throw new UnitRuleViolation("level", unit.level().label() + "单位的上级必须是" + expected.label()
                    + "单位，而 " + parent.name() + " 是" + parent.level().label() + "单位");
        }
    }

    private void collect(Unit unit, List<Unit> out) {
        out.add(unit);
        children.getOrDefault(unit.id(), List.of()).forEach(child -> collect(child, out));
    }
}
