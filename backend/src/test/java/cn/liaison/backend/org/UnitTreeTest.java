package cn.liaison.backend.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitTreeTest {

    private final UnitTree tree = UnitTree.of(UnitSeed.load());

    @Test
    void seedHasTheCityTwelveDistrictsAndParks() {
        List<Unit> all = tree.all();

        assertEquals("city", all.get(0).id());
        assertEquals(12, all.stream().filter(u -> u.level() == UnitLevel.DISTRICT).count());
        assertTrue(all.stream().anyMatch(u -> u.id().equals("park-pukou-edz") && u.parentId().equals("district-pukou")));
        assertEquals(all.size(), Set.copyOf(all).size());
    }

    @Test
    void subtreeHoldsTheUnitAndEverythingBelow() {
        assertEquals(Set.of("district-pukou", "park-pukou-edz"), tree.subtreeIds("district-pukou"));
        assertEquals(Set.of("park-pukou-edz"), tree.subtreeIds("park-pukou-edz"));
        assertEquals(tree.all().size(), tree.subtreeIds("city").size());
        assertEquals(Set.of(), tree.subtreeIds("nowhere"));
    }

    @Test
    void allListsParentsBeforeChildren() {
        List<String> ids = tree.all().stream().map(Unit::id).toList();

        assertTrue(ids.indexOf("district-pukou") < ids.indexOf("park-pukou-edz"));
        assertEquals(ids.indexOf("district-pukou") + 1, ids.indexOf("park-pukou-edz"));
    }

    @Test
    void districtIsFoundWithOrWithoutItsSuffix() {
        assertEquals(Optional.of("district-pukou"), tree.districtByName("浦口区").map(Unit::id));
        assertEquals(Optional.of("district-pukou"), tree.districtByName("浦口").map(Unit::id));
        assertEquals(Optional.of("district-pukou"), tree.districtByName(" 南京市浦口区 ").map(Unit::id));
        assertEquals(Optional.of("district-jiangbei"), tree.districtByName("江北").map(Unit::id));
        assertEquals(Optional.empty(), tree.districtByName("南京浦口经济开发区"));
        assertEquals(Optional.empty(), tree.districtByName(""));
    }

    @Test
    void parentMustExistAndBeOneLevelUp() {
        UnitRuleViolation missing = assertThrows(UnitRuleViolation.class,
                () -> tree.checkPlacement(new Unit("park-x", "某园区", UnitLevel.PARK, "district-nowhere")));
        assertEquals("parentId", missing.field());

        UnitRuleViolation skipped = assertThrows(UnitRuleViolation.class,
                () -> tree.checkPlacement(new Unit("park-x", "某园区", UnitLevel.PARK, "city")));
        assertEquals("level", skipped.field());

        assertThrows(UnitRuleViolation.class, () -> tree.checkPlacement(new Unit("city-2", "另一个市", UnitLevel.CITY, null)));
        tree.checkPlacement(new Unit("park-x", "某园区", UnitLevel.PARK, "district-gulou"));
    }

    @Test
    void unitRecordChecksItsOwnShape() {
        assertEquals("id", assertThrows(UnitRuleViolation.class, () -> new Unit("Bad Id", "x", UnitLevel.PARK, "a")).field());
        assertEquals("name", assertThrows(UnitRuleViolation.class, () -> new Unit("park-y", " ", UnitLevel.PARK, "a")).field());
        assertEquals("parentId", assertThrows(UnitRuleViolation.class, () -> new Unit("park-y", "y", UnitLevel.PARK, null)).field());
    }
}
