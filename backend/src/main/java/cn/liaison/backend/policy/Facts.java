package cn.liaison.backend.policy;

/** The facts of one project a rule is evaluated against; null when a fact is not known. */
@FunctionalInterface
public interface Facts {

    Object value(String field);
}
