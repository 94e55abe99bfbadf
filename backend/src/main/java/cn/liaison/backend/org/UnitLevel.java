package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import java.util.Optional;

/** The three levels of the organisation: 市 → 区 → 园区. */
@Published
public enum UnitLevel {
    /** 市国动办（人防办）: the one root. */
    CITY("市级"),
    /** 区 (and 江北新区): under the city. */
    DISTRICT("区级"),
    /** 园区 (development zones, parks): under a district. */
    PARK("园区");

    private final String label;

    UnitLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level a unit's parent must have; empty for the city. */
    public Optional<UnitLevel> parentLevel() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The level of a unit's children; empty for parks. */
    public Optional<UnitLevel> childLevel() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
