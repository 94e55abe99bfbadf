package cn.liaison.backend.project;

/** What kind of project it is; the first three are major projects (重点项目) and get a contact card. */
public enum ProjectKind {
    PROVINCIAL_MAJOR("省重大项目"),
    CITY_MAJOR("市重大项目"),
    PRIVATE_KEY_INDUSTRIAL("民营重点产业项目"),
    URBAN_RENEWAL("城市更新项目"),
    GENERAL("一般项目");

    private final String label;

    ProjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 重点项目: served by the special team, with a contact card. */
    public boolean isMajor() {
        return this == PROVINCIAL_MAJOR || this == CITY_MAJOR || this == PRIVATE_KEY_INDUSTRIAL;
    }
}
