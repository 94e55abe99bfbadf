package cn.liaison.backend.project;

/** How a project meets its obligation to build an air-defence basement (配建防空地下室). */
public enum ObligationMode {
    UNDETERMINED("待核定"),
    ON_SITE("结建（就地修建）"),
    OFF_SITE("易地建设（缴纳易地建设费）"),
    EXEMPT("免于配建");

    private final String label;

    ObligationMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
