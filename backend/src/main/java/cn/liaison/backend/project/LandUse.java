package cn.liaison.backend.project;

/** 用地性质: the land-use type of a project's plot, which decides its 人防 obligation. */
public enum LandUse {
    RESIDENTIAL("住宅用地"),
    COMMERCIAL("商业用地"),
    OFFICE("办公用地"),
    INDUSTRIAL("工业用地"),
    LOGISTICS_WAREHOUSING("物流仓储用地"),
    RURAL_INDUSTRY_INTEGRATION("农村一二三产业融合发展用地"),
    PUBLIC_SERVICE("公共服务设施用地"),
    OTHER("其他用地");

    private final String label;

    LandUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
