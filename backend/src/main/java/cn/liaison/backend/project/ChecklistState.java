package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;

/** Where a checklist item (or scenario) stands for a project. */
@Published
public enum ChecklistState {
    NOT_STARTED("未开始"),
    IN_PROGRESS("办理中"),
    DONE("已办结"),
    NOT_APPLICABLE("不适用");

    private final String label;

    ChecklistState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
