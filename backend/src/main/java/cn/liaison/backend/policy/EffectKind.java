package cn.liaison.backend.policy;

import cn.liaison.backend.platform.Published;

/** What a matched policy grants; the project feature knows how each one shows in the obligation. */
@Published
public enum EffectKind {
    /** 免于配建防空地下室. */
    OBLIGATION_EXEMPT("免于配建防空地下室"),
    /** 易地建设费按零收取. */
    OFFSITE_FEE_ZERO("易地建设费按零收取"),
    /** 易地建设费按下调后的标准收取. */
    FEE_STANDARD_LOWERED("易地建设费按下调后标准收取"),
    /** 人防许可与易地建设费征收合并办理，信用承诺容缺受理. */
    LICENCE_AND_FEE_MERGED("许可与收费合并办理、信用承诺容缺受理");

    private final String label;

    EffectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
