package cn.liaison.kb.content;

/** Where to apply: the service window and the online platform (either may be absent, not both). */
public record Where(String window, String online) {
    public Where {
        window = Checks.optionalText(window);
        online = Checks.optionalText(online);
        if (window == null && online == null) {
            throw new IllegalArgumentException("where needs a window or an online platform");
        }
    }
}
