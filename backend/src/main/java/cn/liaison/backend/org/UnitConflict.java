package cn.liaison.backend.org;

/** A unit with the same id, or the same name under the same parent, already exists. */
public final class UnitConflict extends RuntimeException {

    public UnitConflict(String detail) {
        super(detail, null, false, false);
    }
}
