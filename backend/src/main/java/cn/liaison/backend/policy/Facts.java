package cn.liaison.backend.policy;

import cn.liaison.backend.platform.Published;

/** The facts of one project a rule is evaluated against; null when a fact is not known. */
@FunctionalInterface
@Published
public interface Facts {

    Object value(String field);
}
