package cn.liaison.backend.platform.auth;

/** What a signed-in person may do; a person can hold several roles. */
public enum Role {
    /** 企业用户: sees its own enterprise's requests and projects. */
    ENTERPRISE("企业用户"),
    /** 12345 热线话务员: answers callers with the hotline assistant, turns calls into requests. */
    AGENT("热线话务员"),
    /** 联络员: handles the requests assigned to it in its unit. */
    LIAISON("联络员"),
    /** 单位负责人: everything in its unit and below; assigns, approves extensions, reviews returns. */
    UNIT_HEAD("单位负责人"),
    /** 市级管理员: everything, including units, the knowledge base and reports. */
    CITY_ADMIN("市级管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown to people. */
    public String label() {
        return label;
    }

    /** Whether a holder of this role works for the office (and so belongs to a unit). */
    public boolean isStaff() {
        return this != ENTERPRISE;
    }
}
