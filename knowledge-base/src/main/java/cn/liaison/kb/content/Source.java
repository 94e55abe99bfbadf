package cn.liaison.kb.content;

/** A source an entry is based on; the url is optional. */
public record Source(String title, String url) {
    public Source {
        Checks.text(title, "source title");
        url = Checks.optionalText(url);
    }
}
